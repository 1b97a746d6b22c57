package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PetitionTranslationTest {

    private static final PetitionTarget SENATOR = new PetitionTarget("Alex Padilla", "U.S. Senator", "US-CA", List.of());

    private static PetitionDefinition petition(Map<String, PetitionTranslation> translations) {
        return new PetitionDefinition(EventSchema.VERSION, "demo", "Resign", "Text", List.of(SENATOR), 100,
                PetitionStatus.OPEN, "Keep me updated", "2026-11", List.of(), List.of(), false, false, null,
                List.of(), null, null, null, "en", "Sign with me", translations);
    }

    @Test
    void aTranslatedFieldShowsTheTranslationAndAMissingOneTheDefaultLanguagesWording() {
        PetitionDefinition petition = petition(Map.of("es", new PetitionTranslation("Renuncie", " ", null, null,
                null, Map.of("U.S. Senator", "Senador de EE. UU."))));

        LocalizedPetition spanish = petition.in("es");

        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.title()).isEqualTo("Renuncie");
        assertThat(spanish.text()).isEqualTo("Text");
        assertThat(spanish.shareText()).isEqualTo("Sign with me");
        assertThat(spanish.targets()).extracting(PetitionTarget::title).containsExactly("Senador de EE. UU.");
        assertThat(petition.languages()).containsExactly("en", "es");
    }

    @Test
    void consentWordingAndItsVersionComeTogetherFromOneLanguage() {
        PetitionDefinition onlyWording = petition(Map.of("es",
                new PetitionTranslation(null, null, "Mantenerme informado", null, null, null)));
        PetitionDefinition versioned = petition(Map.of("es",
                new PetitionTranslation(null, null, "Mantenerme informado", "2026-11-es", null, null)));

        assertThat(onlyWording.in("es").consentText()).isEqualTo("Keep me updated");
        assertThat(onlyWording.in("es").consentTextVersion()).isEqualTo("2026-11");
        assertThat(versioned.in("es").consentText()).isEqualTo("Mantenerme informado");
        assertThat(versioned.in("es").consentTextVersion()).isEqualTo("2026-11-es");
        assertThat(versioned.consentTextVersionIn("es")).isEqualTo("2026-11-es");
        assertThat(onlyWording.consentTextVersionIn("es")).isEqualTo("2026-11");
        assertThat(versioned.consentTextVersionIn("fr")).isEqualTo("2026-11");
        assertThat(versioned.isWrittenIn("es")).isTrue();
        assertThat(versioned.isWrittenIn("fr")).isFalse();
    }

    @Test
    void aLanguageWithoutTranslationIsTheDefaultLanguage() {
        LocalizedPetition french = petition(Map.of()).in("fr");

        assertThat(french.language()).isEqualTo("en");
        assertThat(french.title()).isEqualTo("Resign");
        assertThat(french.targets()).containsExactly(SENATOR);
    }
}
