package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.SignerField;

/**
 * What anyone may read of a petition: what an embed shows and needs to sign and call. Not the organizers' email
 * addresses, nor the rules that only the pipeline applies.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublicPetition(String slug, String title, String text, List<PetitionTarget> targets, long goal,
        PetitionStatus status, String consentText, String consentTextVersion, List<SignerField> requiredFields,
        Instant endsAt) {

    static PublicPetition of(PetitionDefinition petition) {
        return new PublicPetition(petition.slug(), petition.title(), petition.text(), petition.targets(),
                petition.goal(), petition.status(), petition.consentText(), petition.consentTextVersion(),
                petition.requiredFields(), petition.endsAt());
    }
}
