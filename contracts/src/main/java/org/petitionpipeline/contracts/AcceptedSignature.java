package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_ACCEPTED}, key {@link SignatureKey}: a signature dedup holds as the one
 * signature of this person on this petition. May be published more than once for the same signature id
 * (at-least-once); consumers must count and act on each signature id once. {@code region} is where the
 * signer lives as an ISO 3166-2 code ({@code US-DC}) when dedup could tell from the postal code, else null.
 * The signer's names, address, postal code, the comments and the request facts but the time are null when the
 * signer asked to be erased before dedup published this (a late or replayed submission, see {@link PersonErasure}):
 * such a signature still counts, and nobody can be written to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AcceptedSignature(
        int schemaVersion,
        UUID signatureId,
        String petitionSlug,
        String petitionTitle,
        String emailHash,
        Signer signer,
        String comments,
        Consent consent,
        RequestFacts request,
        String region,
        Instant acceptedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "signature_id", signatureId, "petition_slug", petitionSlug, "email_hash",
                emailHash, "signer", signer, "consent", consent, "accepted_at", acceptedAt);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
