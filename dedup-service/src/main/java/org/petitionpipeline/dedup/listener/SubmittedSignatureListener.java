package org.petitionpipeline.dedup.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.service.DeduplicationService;

/**
 * Takes a whole poll batch at a time. Offsets are committed only after this returns, that is after the
 * batch is stored and every outcome acknowledged by the broker: a crash anywhere before replays the batch.
 */
@ApplicationScoped
public class SubmittedSignatureListener {

    private final DeduplicationService deduplication;

    public SubmittedSignatureListener(DeduplicationService deduplication) {
        this.deduplication = deduplication;
    }

    @Incoming("signatures-submitted")
    @Blocking
    public void onBatch(List<SubmittedSignature> batch) {
        deduplication.process(batch);
    }
}
