package org.petitionpipeline.dedup.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How many signatures an ops action matched ({@code dryRun}: it changed nothing) or changed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewResult(long matched, long changed, boolean dryRun) {

    static ReviewResult preview(long matched) {
        return new ReviewResult(matched, 0, true);
    }

    static ReviewResult done(long changed) {
        return new ReviewResult(changed, changed, false);
    }
}
