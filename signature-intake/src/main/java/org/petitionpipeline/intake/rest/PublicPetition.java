package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.contracts.LocalizedPetition;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.SignerField;

/**
 * What anyone may read of a petition, in one language: what an embed shows and needs to sign and call, with the
 * widget's own words ({@code messages}) and the call outcomes' labels in that language. Not the organizers' email
 * addresses, nor the rules that only the pipeline applies. {@code languages}: every language the petition is
 * written in, for a language switch.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublicPetition(String slug, String language, String direction, List<String> languages, String title,
        String text, List<PetitionTarget> targets, long goal, PetitionStatus status, String consentText,
        String consentTextVersion, String shareText, List<SignerField> requiredFields, Instant endsAt,
        List<FormChoices.Choice> outcomes, Map<String, String> messages) {

    static PublicPetition of(PetitionDefinition petition, String language, List<FormChoices.Choice> outcomes,
            Map<String, String> messages) {
        LocalizedPetition shown = petition.in(language);
        return new PublicPetition(petition.slug(), shown.language(), Languages.direction(shown.language()),
                List.copyOf(petition.languages()), shown.title(), shown.text(), shown.targets(), petition.goal(),
                petition.status(), shown.consentText(), shown.consentTextVersion(), shown.shareText(),
                petition.requiredFields(), petition.endsAt(), outcomes, messages);
    }
}
