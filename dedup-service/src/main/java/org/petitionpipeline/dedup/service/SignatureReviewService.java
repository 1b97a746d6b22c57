package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.petitionpipeline.dedup.mapping.OutcomeMapper;
import org.petitionpipeline.dedup.repository.SignatureReviewRepository;
import org.petitionpipeline.dedup.repository.SignatureStatus;
import org.petitionpipeline.dedup.repository.StoredSignature;

/**
 * Ops' review of what the fraud signals held, and bulk invalidation. Each chunk is published before its status
 * changes: a crash in between leaves the rows as they were, and running the action again publishes them again
 * (consumers act on each signature id once), so nothing is released or struck out without its event.
 */
@ApplicationScoped
public class SignatureReviewService {

    private static final int CHUNK = 500;
    private static final String RELEASED = "released by ops";
    private static final Set<SignatureStatus> HELD = Set.of(SignatureStatus.HELD);
    private static final Set<SignatureStatus> HELD_OR_ACCEPTED = Set.of(SignatureStatus.HELD, SignatureStatus.ACCEPTED);

    private final SignatureReviewRepository review;
    private final OutcomeMapper mapper;
    private final OutcomePublisher publisher;
    private final DedupMetrics metrics;

    public SignatureReviewService(SignatureReviewRepository review, OutcomeMapper mapper, OutcomePublisher publisher,
            DedupMetrics metrics) {
        this.review = review;
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public List<StoredSignature> held(SignatureCriteria criteria, int limit) {
        return review.find(criteria, HELD, limit);
    }

    public long countHeld(SignatureCriteria criteria) {
        return review.count(criteria, HELD);
    }

    /** Publishes the held signatures that match as accepted, so they count. */
    public ReviewResult release(SignatureCriteria criteria, boolean dryRun) {
        ReviewResult result = inChunks(criteria, HELD, dryRun, (chunk, now) -> {
            Outcomes outcomes = new Outcomes();
            chunk.forEach(stored -> outcomes.accepted().add(mapper.released(stored, now)));
            publisher.publish(outcomes);
            return review.changeStatus(ids(chunk), SignatureStatus.HELD, SignatureStatus.ACCEPTED, RELEASED, now);
        });
        metrics.reviewed("released", result.changed());
        Log.infof("ops released %d held signatures", result.changed());
        return result;
    }

    /** Strikes out the accepted or held signatures that match; the accepted ones are published as invalidated. */
    public ReviewResult invalidate(SignatureCriteria criteria, String reason, boolean dryRun) {
        ReviewResult result = inChunks(criteria, HELD_OR_ACCEPTED, dryRun, (chunk, now) -> {
            List<StoredSignature> counted = chunk.stream()
                    .filter(stored -> stored.status() == SignatureStatus.ACCEPTED).toList();
            Outcomes outcomes = new Outcomes();
            counted.forEach(stored -> outcomes.invalidated().add(mapper.invalidated(stored.signature().signatureId(),
                    stored.signature().petitionSlug(), stored.signature().emailHash(), reason, now)));
            publisher.publish(outcomes);
            return review.changeStatus(ids(counted), SignatureStatus.ACCEPTED, SignatureStatus.INVALIDATED, reason, now)
                    + review.changeStatus(ids(chunk), SignatureStatus.HELD, SignatureStatus.INVALIDATED, reason, now);
        });
        metrics.reviewed("invalidated", result.changed());
        Log.infof("ops invalidated %d signatures: %s", result.changed(), reason);
        return result;
    }

    /**
     * Applies {@code action} to the matching signatures a chunk at a time until none match any more (the action
     * moves each out of {@code statuses}); a dry run only counts them.
     */
    private ReviewResult inChunks(SignatureCriteria criteria, Set<SignatureStatus> statuses, boolean dryRun,
            BiFunction<List<StoredSignature>, Instant, Integer> action) {
        if (dryRun) {
            return ReviewResult.preview(review.count(criteria, statuses));
        }
        long changed = 0;
        for (List<StoredSignature> chunk = review.find(criteria, statuses, CHUNK); !chunk.isEmpty();
                chunk = review.find(criteria, statuses, CHUNK)) {
            changed += action.apply(chunk, Instant.now());
        }
        return ReviewResult.done(changed);
    }

    private static List<UUID> ids(List<StoredSignature> signatures) {
        return signatures.stream().map(stored -> stored.signature().signatureId()).toList();
    }
}
