package org.petitionpipeline.reporting.console;

import java.util.Arrays;
import java.util.List;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.reporting.calls.PetitionCalls;

/** One row of the console's calls table: a target, its calls in all and per outcome, in {@link #OUTCOMES} order. */
public record CallRow(String target, long total, List<Long> byOutcome) {

    /** The table's outcome columns. */
    public static final List<String> OUTCOMES = Arrays.stream(CallOutcome.values()).map(PetitionCalls::label).toList();

    static CallRow of(String target, PetitionCalls.TargetCalls calls) {
        return new CallRow(target, calls.total(), Arrays.stream(CallOutcome.values())
                .map(outcome -> calls.byOutcome().getOrDefault(outcome, 0L)).toList());
    }
}
