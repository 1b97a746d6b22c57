package org.petitionpipeline.contracts;

import java.util.List;

/**
 * A petition's wording in one language, each field taken from that language's translation where it has one and
 * from the default language where it has not. {@code consentText} and {@code consentTextVersion} travel together:
 * a signer who sees the default wording consents to the default version.
 */
public record LocalizedPetition(
        String language,
        String title,
        String text,
        String consentText,
        String consentTextVersion,
        String shareText,
        List<PetitionTarget> targets) {

    /** {@code rtl} or {@code ltr}, for an HTML {@code dir} attribute. */
    public String direction() {
        return Languages.direction(language);
    }
}
