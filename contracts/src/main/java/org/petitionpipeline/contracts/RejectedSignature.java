package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_REJECTED}, key {@link SignatureKey}: a submission dedup did not accept, and in
 * {@code detail} why, in words an organizer or ops can read (never the address itself).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RejectedSignature(
        int schemaVersion,
        UUID submissionId,
        String petitionSlug,
        String emailHash,
        RejectionReason reason,
        String detail,
        Instant rejectedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "submission_id", submissionId, "petition_slug", petitionSlug, "reason", reason);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
