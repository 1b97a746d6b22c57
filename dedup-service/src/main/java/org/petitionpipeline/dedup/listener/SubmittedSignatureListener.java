package org.petitionpipeline.dedup.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.service.DeduplicationService;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Takes a whole poll batch at a time. Offsets are committed only after this returns, that is after the
 * batch is stored and every outcome acknowledged by the broker: a crash anywhere before replays the batch.
 */
@ApplicationScoped
public class SubmittedSignatureListener {

    private final DeduplicationService deduplication;
    private final DeadLetterChannel deadLetters;

    public SubmittedSignatureListener(DeduplicationService deduplication, DeadLetterChannel deadLetters) {
        this.deduplication = deduplication;
        this.deadLetters = deadLetters;
    }

    @Incoming("signatures-submitted")
    @Blocking
    public void onBatch(ConsumerRecords<String, SubmittedSignature> records) {
        deadLetters.processTraced(records, deduplication::process);
    }
}
