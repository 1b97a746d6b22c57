package org.petitionpipeline.reporting.calls;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.petitionpipeline.contracts.CallOutcome;

/** How many signers said they called a petition's targets, in all and per target and outcome. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionCalls(String slug, long total, Map<String, TargetCalls> byTarget) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TargetCalls(long total, Map<CallOutcome, Long> byOutcome) {
    }

    /** How a table heads an outcome's column: "LEFT_VOICEMAIL" is "Left voicemail". */
    public static String label(CallOutcome outcome) {
        return outcome.name().charAt(0) + outcome.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static PetitionCalls of(String slug, Map<String, Map<CallOutcome, Long>> counts) {
        Map<String, TargetCalls> byTarget = new LinkedHashMap<>();
        counts.forEach((target, byOutcome) -> byTarget.put(target,
                new TargetCalls(byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome)));
        return new PetitionCalls(slug, byTarget.values().stream().mapToLong(TargetCalls::total).sum(), byTarget);
    }
}
