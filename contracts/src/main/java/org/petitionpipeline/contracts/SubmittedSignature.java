package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#SIGNATURES_SUBMITTED}, key {@link SignatureKey}: a signature as intake received it.
 * The submission id becomes the signature id once dedup accepts it. {@code householdSignatures} is the
 * petition's rule as intake knew it when the signer submitted (see {@link PetitionDefinition}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubmittedSignature(
        int schemaVersion,
        UUID submissionId,
        String petitionSlug,
        String petitionTitle,
        String emailHash,
        Signer signer,
        String comments,
        Consent consent,
        RequestFacts request,
        boolean householdSignatures) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "submission_id", submissionId, "petition_slug", petitionSlug, "signer", signer,
                "signer.given_name", signer == null ? null : signer.givenName(),
                "signer.email", signer == null ? null : signer.email(), "consent", consent);
    }

    public String key() {
        return SignatureKey.of(petitionSlug, emailHash);
    }
}
