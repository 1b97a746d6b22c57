package org.petitionpipeline.email.privacy.access;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Records each service's part of an export as it arrives on {@code people.access-reports}. */
@ApplicationScoped
public class AccessReportListener {

    private final AccessService access;
    private final DeadLetterChannel deadLetters;

    public AccessReportListener(AccessService access, DeadLetterChannel deadLetters) {
        this.access = access;
        this.deadLetters = deadLetters;
    }

    @Incoming("access-reports")
    @Blocking
    public void onBatch(ConsumerRecords<String, AccessReport> records) {
        deadLetters.process(records, reports -> reports.forEach(report -> access.recordPart(report.requestId(),
                new AccessRequests.Part(report.service(), report.madeAt(), report.records()))));
    }
}
