package org.petitionpipeline.reporting.counting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A petition's total split three ways, each summing to the total: by country (ISO 3166-1 alpha-2), by region
 * (ISO 3166-2) and by hour of acceptance (UTC, in time order). {@code unknown} holds signatures without a country
 * or a region; empty buckets are left out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionBreakdown(String slug, Map<String, Long> byCountry, Map<String, Long> byRegion,
        Map<String, Long> byHour) {
}
