package org.petitionpipeline.reporting.osdi.repository;

import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.PetitionTarget;

/** A petition as the OSDI API shows it, with its public total. */
public record FeedPetition(String slug, String title, String text, List<PetitionTarget> targets, Instant createdAt,
        Instant updatedAt, long total) {
}
