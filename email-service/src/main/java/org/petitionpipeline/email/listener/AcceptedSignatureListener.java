package org.petitionpipeline.email.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.contracts.kafka.SortedBatch;
import org.petitionpipeline.email.service.SignerRecordingService;

/**
 * Records each batch of accepted signatures; mail goes out from the outbox, never from this thread.
 * Poison goes to the dead-letter topic after the good records are recorded.
 */
@ApplicationScoped
public class AcceptedSignatureListener {

    private final SignerRecordingService recording;
    private final DeadLetters deadLetters;

    public AcceptedSignatureListener(SignerRecordingService recording, DeadLetters deadLetters) {
        this.recording = recording;
        this.deadLetters = deadLetters;
    }

    @Incoming("signatures-accepted")
    @Blocking
    public void onBatch(ConsumerRecords<String, AcceptedSignature> records) {
        SortedBatch<AcceptedSignature> batch = deadLetters.sort(records);
        if (!batch.events().isEmpty()) {
            recording.record(batch.events());
        }
        deadLetters.send(batch.poison());
    }
}
