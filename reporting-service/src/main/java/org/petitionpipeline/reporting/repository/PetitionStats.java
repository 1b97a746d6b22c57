package org.petitionpipeline.reporting.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * What happened to a petition's signatures: {@code accepted} counted once each, {@code invalidated} of those
 * struck out since, and submissions rejected as duplicates, invalid, or held and still waiting for ops.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionStats(String slug, long accepted, long invalidated, long duplicates, long invalid, long held,
        Instant updatedAt) {

    /** The public total: what the petition page shows. */
    @JsonProperty
    public long total() {
        return accepted - invalidated;
    }
}
