package org.petitionpipeline.email.erasure;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Petitions whose retention ran out, a poll batch at a time; a defective one goes to the dead-letter topic. */
@ApplicationScoped
public class PetitionAnonymizedListener {

    private final PetitionRetention retention;
    private final DeadLetterChannel deadLetters;

    public PetitionAnonymizedListener(PetitionRetention retention, DeadLetterChannel deadLetters) {
        this.retention = retention;
        this.deadLetters = deadLetters;
    }

    @Incoming("petitions-anonymized")
    @Blocking
    public void onBatch(ConsumerRecords<String, PetitionAnonymized> records) {
        deadLetters.process(records, petitions -> petitions.forEach(retention::anonymize));
    }
}
