package org.petitionpipeline.reporting.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.reporting.webhooks.service.WebhookEvents;

/** Counts a batch of call reports and queues their call.reported webhooks, in one transaction. */
@ApplicationScoped
public class CallReports {

    private final CallCountRepository calls;
    private final WebhookEvents webhooks;

    public CallReports(CallCountRepository calls, WebhookEvents webhooks) {
        this.calls = calls;
        this.webhooks = webhooks;
    }

    @Transactional
    public void count(List<CallReported> batch) {
        calls.countReported(batch);
        webhooks.called(batch);
    }
}
