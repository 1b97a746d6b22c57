package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;

/**
 * Topic {@link Topics#PETITIONS_ANONYMIZED}, key = petition slug: the petition closed at {@code closedAt}, its
 * retention period ran out, and reporting-service anonymized its signer rows at {@code anonymizedAt}. Every other
 * service that holds personal data of the petition's signers anonymizes it the way an erasure would, keeping the
 * signatures counted. A closed petition takes no new signatures, so nothing of it arrives later to anonymize. May be
 * published more than once; anonymizing again changes nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionAnonymized(int schemaVersion, String petitionSlug, Instant closedAt, Instant anonymizedAt)
        implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "petition_slug", petitionSlug, "closed_at", closedAt, "anonymized_at",
                anonymizedAt);
    }
}
