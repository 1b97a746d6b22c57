package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Set<String> OFFERED = Set.of("en", "es", "ar");

    @Test
    void theEmbedsChoiceComesFirstThenTheBrowsersThenThePetitionsDefault() {
        assertThat(Languages.negotiate("es", "ar,en;q=0.5", OFFERED, "en")).isEqualTo("es");
        assertThat(Languages.negotiate(null, "fr-FR, es-MX;q=0.8, en;q=0.5", OFFERED, "en")).isEqualTo("es");
        assertThat(Languages.negotiate(null, "fr, de", OFFERED, "en")).isEqualTo("en");
        assertThat(Languages.negotiate(null, null, OFFERED, "es")).isEqualTo("es");
    }

    @Test
    void anUnknownOrMalformedChoiceFallsBackQuietly() {
        assertThat(Languages.negotiate("klingon-XX", null, OFFERED, "en")).isEqualTo("en");
        assertThat(Languages.negotiate("<script>", "es;q=abc", OFFERED, "en")).isEqualTo("en");
        assertThat(Languages.negotiate("fr", "es;q=0", OFFERED, "en")).isEqualTo("en");
        assertThat(Languages.negotiate("ES-mx", null, OFFERED, "en")).isEqualTo("es");
    }

    @Test
    void arabicAndHebrewAreWrittenRightToLeft() {
        assertThat(Languages.direction("ar")).isEqualTo("rtl");
        assertThat(Languages.direction("he")).isEqualTo("rtl");
        assertThat(Languages.direction("es")).isEqualTo("ltr");
    }
}
