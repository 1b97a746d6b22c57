package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_INVALIDATED}, key {@link SignatureKey}: a signature accepted before that ops
 * have since struck out (a bot wave found afterwards); totals go down by it. May be published more than once for
 * the same signature id; consumers act on each id once. {@code reason} is what ops wrote when they invalidated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvalidatedSignature(
        int schemaVersion,
        UUID signatureId,
        String petitionSlug,
        String emailHash,
        String reason,
        Instant invalidatedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "signature_id", signatureId, "petition_slug", petitionSlug, "email_hash",
                emailHash, "invalidated_at", invalidatedAt);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
