package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A petition's wording in one more language. Any field left out shows the default language's wording for that
 * field, never nothing (see {@link PetitionDefinition#in}). {@code consentTextVersion} versions this language's
 * consent wording on its own: consent records keep the language and the version a signer saw.
 * {@code targetTitles} translates target titles, keyed by the default language's title ("U.S. Senator" →
 * "Senador de EE. UU."), so a title shared by a hundred targets is translated once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionTranslation(
        String title,
        String text,
        String consentText,
        String consentTextVersion,
        String shareText,
        Map<String, String> targetTitles) {

    public PetitionTranslation {
        targetTitles = targetTitles == null ? Map.of() : Map.copyOf(targetTitles);
    }
}
