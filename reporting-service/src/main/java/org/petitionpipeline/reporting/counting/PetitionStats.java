package org.petitionpipeline.reporting.counting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * What happened to a petition's signatures: {@code accepted} counted once each, {@code invalidated} of those
 * struck out since, {@code verified} of those standing whose signer confirmed the address, and submissions
 * rejected as duplicates, invalid, or held and still waiting for ops. {@code total} is the public total (what
 * the petition page shows): {@code verified} on a petition that counts only confirmed signatures, else
 * {@code accepted - invalidated}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionStats(String slug, long accepted, long invalidated, long verified, long duplicates, long invalid,
        long held, Instant updatedAt, long total) {
}
