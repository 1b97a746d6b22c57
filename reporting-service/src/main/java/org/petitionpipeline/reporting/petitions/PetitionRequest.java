package org.petitionpipeline.reporting.petitions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.PetitionTranslation;
import org.petitionpipeline.contracts.SignerField;

/**
 * What an organizer sends to create a petition or to replace its wording (the slug then stays). {@code retentionDays}:
 * days after the close until signers' personal data is anonymized, shorter than the deployment's period; leave it
 * out for that period. {@code organization}: the one that owns the petition, needed on create only when the
 * caller edits petitions of several; a petition never moves to another. {@code language}: the language the petition
 * is written in (ISO 639, default {@code en}); {@code shareText}: what a signer's share offers to post (default: the
 * title); {@code translations}: the petition in further languages, any field left out showing this wording.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionRequest(
        String slug,
        String title,
        String text,
        List<PetitionTarget> targets,
        Long goal,
        String consentText,
        String consentTextVersion,
        List<SignerField> requiredFields,
        List<String> allowedOrigins,
        Boolean householdSignatures,
        Boolean verifiedSignaturesOnly,
        Instant endsAt,
        List<String> organizerEmails,
        Integer retentionDays,
        String organization,
        String language,
        String shareText,
        Map<String, PetitionTranslation> translations) {
}
