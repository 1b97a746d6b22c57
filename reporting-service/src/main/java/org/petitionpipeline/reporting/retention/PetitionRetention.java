package org.petitionpipeline.reporting.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a petition stands in its retention: its {@code period} after it ended, {@code closedAt} null unless the
 * organizer closed it; {@code anonymizeAfter} the close, or else the petition's end date (perhaps ahead), plus the
 * period, null for an open petition without an end date; {@code anonymizedAt} null until the job anonymized its
 * signers.
 */
public record PetitionRetention(Duration period, Instant closedAt, Instant anonymizeAfter, Instant anonymizedAt) {

    /** The period in whole days, as the console states it. */
    public long periodDays() {
        return period.toDays();
    }
}
