package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_VERIFIED}, key {@link SignatureKey}: the signer of an accepted signature
 * confirmed their email address (double opt-in). May be published more than once for the same signature id;
 * consumers act on each id once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerifiedSignature(
        int schemaVersion,
        UUID signatureId,
        String petitionSlug,
        String emailHash,
        Instant verifiedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "signature_id", signatureId, "petition_slug", petitionSlug, "email_hash",
                emailHash, "verified_at", verifiedAt);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
