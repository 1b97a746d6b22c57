package org.petitionpipeline.reporting.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Access requests, a poll batch at a time: recorded to be answered by {@link AccessReportRelay}; offsets commit after
 * the batch is recorded. A defective request goes to {@code people.access-requests.dlq}.
 */
@ApplicationScoped
public class AccessRequestListener {

    private final AccessReportRelay reports;
    private final DeadLetterChannel deadLetters;

    public AccessRequestListener(AccessReportRelay reports, DeadLetterChannel deadLetters) {
        this.reports = reports;
        this.deadLetters = deadLetters;
    }

    @Incoming("access-requests")
    @Blocking
    public void onBatch(ConsumerRecords<String, AccessRequested> records) {
        deadLetters.process(records, reports::recordAll);
    }
}
