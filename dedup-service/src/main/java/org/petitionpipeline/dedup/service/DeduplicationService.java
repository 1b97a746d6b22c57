package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.config.PipelineConfig;
import org.petitionpipeline.dedup.mapping.OutcomeMapper;
import org.petitionpipeline.dedup.repository.SignatureRepository;

/**
 * Decides the one outcome of each submission. Safe to run twice on the same batch: a submission whose row
 * already holds its own submission id was accepted before (the publish may not have happened), so it is
 * accepted again, never called a duplicate of itself.
 */
@ApplicationScoped
public class DeduplicationService {

    private final SignatureRepository signatures;
    private final OutcomeMapper mapper;
    private final OutcomePublisher publisher;
    private final EmailHasher hasher;

    public DeduplicationService(SignatureRepository signatures, OutcomeMapper mapper, OutcomePublisher publisher,
            PipelineConfig config) {
        this.signatures = signatures;
        this.mapper = mapper;
        this.publisher = publisher;
        this.hasher = new EmailHasher(config.emailHashKey());
    }

    public void process(List<SubmittedSignature> batch) {
        Instant now = Instant.now();
        List<Candidate> candidates = new ArrayList<>(batch.size());
        List<RejectedSignature> rejected = new ArrayList<>();
        for (SubmittedSignature submitted : batch) {
            Optional<String> canonical = CanonicalEmail.of(submitted.signer() == null ? null : submitted.signer().email());
            if (canonical.isEmpty()) {
                rejected.add(mapper.rejected(submitted, submitted.emailHash(), RejectionReason.INVALID, now));
            } else {
                candidates.add(new Candidate(submitted, canonical.get(), hasher.hash(canonical.get())));
            }
        }

        Set<UUID> stored = candidates.isEmpty() ? Set.of() : signatures.insertNew(candidates, now);
        List<UUID> notInserted = candidates.stream().map(c -> c.submitted().submissionId())
                .filter(id -> !stored.contains(id)).toList();
        Set<UUID> replayed = notInserted.isEmpty() ? Set.of() : signatures.findStored(notInserted);

        List<AcceptedSignature> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            UUID id = candidate.submitted().submissionId();
            if (stored.contains(id) || replayed.contains(id)) {
                accepted.add(mapper.accepted(candidate, now));
            } else {
                rejected.add(mapper.rejected(candidate.submitted(), candidate.emailHash(), RejectionReason.DUPLICATE, now));
            }
        }
        publisher.publish(accepted, rejected);
        Log.debugf("batch of %d: %d accepted (%d replayed), %d rejected", batch.size(), accepted.size(),
                replayed.size(), rejected.size());
    }
}
