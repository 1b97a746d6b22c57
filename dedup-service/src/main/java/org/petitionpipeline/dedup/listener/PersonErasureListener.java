package org.petitionpipeline.dedup.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.dedup.service.ErasureService;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Erasure requests, a poll batch at a time; offsets are committed once every erasure of the batch is committed. */
@ApplicationScoped
public class PersonErasureListener {

    private final ErasureService erasures;
    private final DeadLetterChannel deadLetters;

    public PersonErasureListener(ErasureService erasures, DeadLetterChannel deadLetters) {
        this.erasures = erasures;
        this.deadLetters = deadLetters;
    }

    @Incoming("people-erasures")
    @Blocking
    public void onBatch(ConsumerRecords<String, PersonErasure> records) {
        deadLetters.process(records, erasures::eraseAll);
    }
}
