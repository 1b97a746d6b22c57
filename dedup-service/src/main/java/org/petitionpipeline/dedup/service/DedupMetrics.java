package org.petitionpipeline.dedup.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * What ops watch on {@code /q/metrics}: outcomes per second by kind ({@code dedup_outcomes_total{outcome=…}}),
 * so a wave of duplicates or invalid signatures shows as it happens.
 */
@ApplicationScoped
public class DedupMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter held;
    private final Counter duplicate;
    private final Counter invalid;
    private final Counter erasures;

    public DedupMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = registry.counter("dedup.outcomes", "outcome", "accepted");
        this.held = registry.counter("dedup.outcomes", "outcome", "held");
        this.duplicate = registry.counter("dedup.outcomes", "outcome", "duplicate");
        this.invalid = registry.counter("dedup.outcomes", "outcome", "invalid");
        this.erasures = registry.counter("erasures");
    }

    public void batch(int acceptedCount, int heldCount, int duplicateCount, int invalidCount) {
        accepted.increment(acceptedCount);
        held.increment(heldCount);
        duplicate.increment(duplicateCount);
        invalid.increment(invalidCount);
    }

    /**
     * Where a batch's time goes ({@code dedup_batch_phase_seconds{phase=checks|store|publish}}): what to look at
     * when dedup falls behind.
     */
    public void phase(String phase, long nanos) {
        registry.timer("dedup.batch.phase", "phase", phase).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Erasure requests carried out ({@code erasures_total}, the name every service counts them under). */
    public void erased() {
        erasures.increment();
    }

    /** Signatures ops released or invalidated ({@code dedup_reviewed_total{action=…}}). */
    public void reviewed(String action, long count) {
        registry.counter("dedup.reviewed", "action", action).increment(count);
    }
}
