package org.petitionpipeline.reporting.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a petition stands in its retention: its {@code period} after the close, {@code closedAt} null while it is
 * open, {@code anonymizeAfter} null until it closes (then its close plus its period), {@code anonymizedAt} null until
 * the job anonymized its signers.
 */
public record PetitionRetention(Duration period, Instant closedAt, Instant anonymizeAfter, Instant anonymizedAt) {

    /** The period in whole days, as the console states it. */
    public long periodDays() {
        return period.toDays();
    }
}
