package org.petitionpipeline.email.receipts;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Records each batch of accepted signatures; mail goes out from the mail queue, never from this thread.
 */
@ApplicationScoped
public class AcceptedSignatureListener {

    private final SignerRecordingService recording;
    private final DeadLetterChannel deadLetters;

    public AcceptedSignatureListener(SignerRecordingService recording, DeadLetterChannel deadLetters) {
        this.recording = recording;
        this.deadLetters = deadLetters;
    }

    @Incoming("signatures-accepted")
    @Blocking
    public void onBatch(ConsumerRecords<String, AcceptedSignature> records) {
        deadLetters.processTraced(records, recording::record);
    }
}
