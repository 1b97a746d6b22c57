package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_COUNTED}, key {@link SignatureKey}: an {@link AcceptedSignature} reduced to what
 * counting and a delivery report need: who signed by name and place, never the address, IP, user agent, referrer
 * or consent. dedup publishes one with every accepted signature, so the services that count (reporting) never
 * receive what they do not use. {@code emailHash} lets an erasure find the person's rows. Published at least
 * once, like the accepted signature it comes from.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CountedSignature(
        int schemaVersion,
        UUID signatureId,
        String petitionSlug,
        String emailHash,
        String givenName,
        String familyName,
        String postalCode,
        String country,
        String region,
        String comments,
        Instant acceptedAt) implements Event {

    /** What of {@code accepted} a counting service receives; null names when the signer was erased before. */
    public static CountedSignature of(AcceptedSignature accepted) {
        Signer signer = accepted.signer();
        return new CountedSignature(accepted.schemaVersion(), accepted.signatureId(), accepted.petitionSlug(),
                accepted.emailHash(), signer.givenName(), signer.familyName(), signer.postalCode(), signer.country(),
                accepted.region(), accepted.comments(), accepted.acceptedAt());
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "signature_id", signatureId, "petition_slug", petitionSlug, "email_hash",
                emailHash, "accepted_at", acceptedAt);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
