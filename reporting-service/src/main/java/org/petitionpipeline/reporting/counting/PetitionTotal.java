package org.petitionpipeline.reporting.counting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * The public total: on a petition that counts only confirmed signatures, {@code total} is {@code verified};
 * elsewhere every signature that stands, and {@code verified} those of them whose signer confirmed the address.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionTotal(String slug, long total, long verified, long goal, Instant updatedAt) {
}
