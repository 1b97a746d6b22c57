package org.petitionpipeline.dedup.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which signatures an ops action applies to (every criterion given must match), why (required to invalidate),
 * and {@code dry_run} to see how many match without changing anything.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewRequest(
        String petitionSlug,
        List<UUID> signatureIds,
        String ipRange,
        String emailDomain,
        Instant receivedFrom,
        Instant receivedUntil,
        String reason,
        Boolean dryRun) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
