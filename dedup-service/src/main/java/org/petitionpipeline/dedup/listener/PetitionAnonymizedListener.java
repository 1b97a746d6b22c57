package org.petitionpipeline.dedup.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.dedup.service.RetentionService;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Petitions whose retention ran out, a poll batch at a time; offsets are committed once the batch is anonymized. */
@ApplicationScoped
public class PetitionAnonymizedListener {

    private final RetentionService retention;
    private final DeadLetterChannel deadLetters;

    public PetitionAnonymizedListener(RetentionService retention, DeadLetterChannel deadLetters) {
        this.retention = retention;
        this.deadLetters = deadLetters;
    }

    @Incoming("petitions-anonymized")
    @Blocking
    public void onBatch(ConsumerRecords<String, PetitionAnonymized> records) {
        deadLetters.process(records, retention::anonymizeAll);
    }
}
