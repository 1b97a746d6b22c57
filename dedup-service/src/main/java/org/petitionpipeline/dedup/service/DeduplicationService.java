package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.SubmittedSignature;
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
    private final SignatureChecks checks;
    private final DedupMetrics metrics;

    public DeduplicationService(SignatureRepository signatures, OutcomeMapper mapper, OutcomePublisher publisher,
            SignatureChecks checks, DedupMetrics metrics) {
        this.signatures = signatures;
        this.mapper = mapper;
        this.publisher = publisher;
        this.checks = checks;
        this.metrics = metrics;
    }

    public void process(List<SubmittedSignature> batch) {
        Instant now = Instant.now();
        List<Candidate> candidates = new ArrayList<>(batch.size());
        List<RejectedSignature> rejected = new ArrayList<>();
        for (SubmittedSignature submitted : batch) {
            CheckedSignature checked = checks.check(submitted);
            if (checked instanceof CheckedSignature.Refused refused) {
                rejected.add(mapper.rejected(submitted, refused.emailHash(), RejectionReason.INVALID, refused.detail(), now));
            } else {
                candidates.add((Candidate) checked);
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
                rejected.add(mapper.rejected(candidate.submitted(), candidate.emailHash(), RejectionReason.DUPLICATE,
                        "this person already signed this petition", now));
            }
        }
        publisher.publish(accepted, rejected);
        int invalid = batch.size() - candidates.size();
        metrics.batch(accepted.size(), rejected.size() - invalid, invalid);
        Log.debugf("batch of %d: %d accepted (%d replayed), %d rejected", batch.size(), accepted.size(),
                replayed.size(), rejected.size());
    }
}
