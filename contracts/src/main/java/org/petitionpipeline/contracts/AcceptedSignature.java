package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_ACCEPTED}, key {@link SignatureKey}: a signature dedup holds as the one
 * signature of this person on this petition. May be published more than once for the same signature id
 * (at-least-once); consumers must count and act on each signature id once.
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
        Instant acceptedAt) {

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
