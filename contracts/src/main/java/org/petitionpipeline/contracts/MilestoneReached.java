package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;

/**
 * Topic {@link Topics#PETITIONS_MILESTONES}, key = petition slug: a petition's total reached {@code threshold} for
 * the first time, either its organizer's goal or one of the service's round numbers. {@code total} is the total
 * when reporting noticed, which may be past the threshold. Recorded once per (petition, kind, threshold), but may
 * be published more than once (at-least-once): consumers act on each (petition, kind, threshold) once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MilestoneReached(
        int schemaVersion,
        String petitionSlug,
        Kind kind,
        long threshold,
        long total,
        Instant reachedAt) implements Event {

    public enum Kind {
        /** The goal the organizer set (a later, higher goal is a milestone of its own). */
        GOAL,
        /** One of the round numbers configured for every petition ({@code reporting.milestones}). */
        THRESHOLD
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "petition_slug", petitionSlug, "kind", kind, "reached_at", reachedAt);
    }

    public String key() {
        return petitionSlug;
    }
}
