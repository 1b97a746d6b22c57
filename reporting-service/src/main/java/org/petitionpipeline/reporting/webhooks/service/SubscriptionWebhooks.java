package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.SubscriptionChange;

/** The transaction of a batch of subscription changes: reporting records nothing of them but their webhooks. */
@ApplicationScoped
public class SubscriptionWebhooks {

    private final WebhookEvents webhooks;

    public SubscriptionWebhooks(WebhookEvents webhooks) {
        this.webhooks = webhooks;
    }

    @Transactional
    public void queue(List<SubscriptionChange> batch) {
        webhooks.subscriptionsChanged(batch);
    }
}
