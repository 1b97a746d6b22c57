package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.petitionpipeline.dedup.mapping.OutcomeMapper;
import org.petitionpipeline.dedup.repository.SignatureReviewRepository;
import org.petitionpipeline.dedup.repository.SignatureStatus;
import org.petitionpipeline.dedup.repository.StoredSignature;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.relay.AdvisoryLock;

/**
 * Ops' review of what the fraud signals held, and bulk invalidation. Each chunk is published before its status
 * changes: a crash in between leaves the rows as they were, and running the action again publishes them again
 * (consumers act on each signature id once), so nothing is released or struck out without its event. One action
 * runs at a time across all instances: a release overlapping an invalidation of the same rows could publish as
 * accepted a signature that ends up struck out.
 */
@ApplicationScoped
public class SignatureReviewService {

    /** Any fixed number, unique among the database's advisory locks (email's are 4_711_xxx, reporting's 4_712_xxx). */
    public static final long REVIEW_LOCK_KEY = 4_713_001L;
    /** Long enough for a short action to end, short enough for ops' client to wait for the answer. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final int CHUNK = 500;
    private static final String RELEASED = "released by ops";
    private static final Set<SignatureStatus> HELD = Set.of(SignatureStatus.HELD);
    private static final Set<SignatureStatus> HELD_OR_ACCEPTED = Set.of(SignatureStatus.HELD, SignatureStatus.ACCEPTED);

    private final SignatureReviewRepository review;
    private final OutcomeMapper mapper;
    private final OutcomePublisher publisher;
    private final DedupMetrics metrics;
    private final AdvisoryLock lock;

    public SignatureReviewService(SignatureReviewRepository review, OutcomeMapper mapper, OutcomePublisher publisher,
            DedupMetrics metrics, DataSource dataSource) {
        this.review = review;
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = metrics;
        this.lock = new AdvisoryLock(dataSource, REVIEW_LOCK_KEY);
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
     * moves each out of {@code statuses}), holding the review lock; a dry run only counts them, without it.
     *
     * @throws ProblemException 409 when another action (on any instance) holds the lock for longer than a few
     *         seconds
     */
    private ReviewResult inChunks(SignatureCriteria criteria, Set<SignatureStatus> statuses, boolean dryRun,
            BiFunction<List<StoredSignature>, Instant, Integer> action) {
        if (dryRun) {
            return ReviewResult.preview(review.count(criteria, statuses));
        }
        try (AdvisoryLock.Held reviewing = lock.acquire(LOCK_WAIT).orElseThrow(() -> ProblemException.conflict(
                "another review action is running; try again"))) {
            long changed = 0;
            for (List<StoredSignature> chunk = review.find(criteria, statuses, CHUNK); !chunk.isEmpty();
                    chunk = review.find(criteria, statuses, CHUNK)) {
                changed += action.apply(chunk, Instant.now());
            }
            return ReviewResult.done(changed);
        }
    }

    private static List<UUID> ids(List<StoredSignature> signatures) {
        return signatures.stream().map(stored -> stored.signature().signatureId()).toList();
    }
}
