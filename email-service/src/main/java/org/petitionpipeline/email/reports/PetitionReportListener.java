package org.petitionpipeline.email.reports;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Queues each delivery report that is ready for its organizers; the mail queue sends it. */
@ApplicationScoped
public class PetitionReportListener {

    private final PetitionReportMailing mailing;
    private final DeadLetterChannel deadLetters;

    public PetitionReportListener(PetitionReportMailing mailing, DeadLetterChannel deadLetters) {
        this.mailing = mailing;
        this.deadLetters = deadLetters;
    }

    @Incoming("reports-ready")
    @Blocking
    public void onBatch(ConsumerRecords<String, ReportReady> records) {
        deadLetters.process(records, mailing::enqueue);
    }
}
