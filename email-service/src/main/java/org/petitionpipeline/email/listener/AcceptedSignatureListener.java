package org.petitionpipeline.email.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.email.service.SignerRecordingService;

/** Records each batch of accepted signatures; mail goes out from the outbox, never from this thread. */
@ApplicationScoped
public class AcceptedSignatureListener {

    private final SignerRecordingService recording;

    public AcceptedSignatureListener(SignerRecordingService recording) {
        this.recording = recording;
    }

    @Incoming("signatures-accepted")
    @Blocking
    public void onBatch(List<AcceptedSignature> batch) {
        recording.record(batch);
    }
}
