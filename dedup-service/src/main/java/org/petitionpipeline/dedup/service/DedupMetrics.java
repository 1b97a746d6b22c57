package org.petitionpipeline.dedup.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What ops watch on {@code /q/metrics}: outcomes per second by kind ({@code dedup_outcomes_total{outcome=…}}),
 * so a wave of duplicates or invalid signatures shows as it happens.
 */
@ApplicationScoped
public class DedupMetrics {

    private final Counter accepted;
    private final Counter duplicate;
    private final Counter invalid;

    public DedupMetrics(MeterRegistry registry) {
        this.accepted = registry.counter("dedup.outcomes", "outcome", "accepted");
        this.duplicate = registry.counter("dedup.outcomes", "outcome", "duplicate");
        this.invalid = registry.counter("dedup.outcomes", "outcome", "invalid");
    }

    public void batch(int acceptedCount, int duplicateCount, int invalidCount) {
        accepted.increment(acceptedCount);
        duplicate.increment(duplicateCount);
        invalid.increment(invalidCount);
    }
}
