package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.petitionpipeline.contracts.PostalCodes.Invalid;
import org.petitionpipeline.contracts.PostalCodes.Valid;

class PostalCodesTest {

    @ParameterizedTest
    @CsvSource({
            "20500, 20500",
            "20500-0003, 20500-0003",
            "205000003, 20500-0003"})
    void usZipAndZipPlusFourAreAcceptedWithTheHyphenInPlace(String typed, String stored) {
        assertThat(PostalCodes.check("US", typed)).isEqualTo(new Valid(stored));
    }

    @Test
    void usZipOfTheWrongLengthTellsTheSignerBothShapes() {
        assertThat(PostalCodes.check("US", "2050")).isEqualTo(new Invalid("a US ZIP code has 5 digits, or 5+4 like 20500-0003", "US"));
        assertThat(PostalCodes.check("US", "20500-03")).isInstanceOf(Invalid.class);
        assertThat(PostalCodes.check("US", "20500 0003")).isInstanceOf(Invalid.class);
    }

    @ParameterizedTest
    @CsvSource({
            "GIR 0AA, GIR 0AA",
            "EC1A 1BB, EC1A 1BB",
            "W1A 0AX, W1A 0AX",
            "M1 1AE, M1 1AE",
            "B33 8TH, B33 8TH",
            "CR2 6XH, CR2 6XH",
            "DN55 1PT, DN55 1PT",
            "sw1a1aa, SW1A 1AA",
            "'sw1a   1aa', SW1A 1AA",
            "gir0aa, GIR 0AA"})
    void ukPostcodesOfEveryShapeAreAcceptedAndWrittenTheRoyalMailWay(String typed, String stored) {
        assertThat(PostalCodes.check("GB", typed)).isEqualTo(new Valid(stored));
    }

    @ParameterizedTest
    @CsvSource({
            "QA1 1AA, Q is never the first letter",
            "AJ1 1AA, J is never the second letter",
            "W1I 1AA, I never ends an outward code of shape A9A",
            "EC1C 1BB, C never ends an outward code of shape AA9A",
            "M1 1AC, C is never in the inward code",
            "GIR 1AA, GIR is only ever followed by 0AA",
            "SW1A, the inward code is missing"})
    void ukPostcodesAgainstTheGrammarAreRefused(String typed, String why) {
        assertThat(PostalCodes.check("GB", typed)).as(why)
                .isEqualTo(new Invalid("a UK postcode looks like SW1A 1AA or M1 1AE", "GB"));
    }

    @Test
    void ukIsReadAsGreatBritainBecauseThatIsWhatSignersType() {
        assertThat(PostalCodes.check("UK", "m1 1ae")).isEqualTo(new Valid("M1 1AE"));
    }

    @Test
    void canadianPostalCodesGetUpperCaseAndOneSpace() {
        assertThat(PostalCodes.check("CA", "k1a0b1")).isEqualTo(new Valid("K1A 0B1"));
        assertThat(PostalCodes.check("CA", "K1A 0B1")).isEqualTo(new Valid("K1A 0B1"));
    }

    @Test
    void canadianLettersThatLookLikeOthersAreRefused() {
        assertThat(PostalCodes.check("CA", "K1O 0B1")).isEqualTo(new Invalid("a Canadian postal code looks like K1A 0B1", "CA"));
        assertThat(PostalCodes.check("CA", "W1A 0B1")).as("W is never first").isInstanceOf(Invalid.class);
        assertThat(PostalCodes.check("CA", "K1A 0U1")).isInstanceOf(Invalid.class);
    }

    @Test
    void germanAndFrenchPostalCodesAreFiveDigits() {
        assertThat(PostalCodes.check("DE", "10117")).isEqualTo(new Valid("10117"));
        assertThat(PostalCodes.check("DE", "1011")).isEqualTo(new Invalid("a German postal code has 5 digits, like 10117", "DE"));
        assertThat(PostalCodes.check("FR", "20000")).as("Ajaccio, Corsica").isEqualTo(new Valid("20000"));
        assertThat(PostalCodes.check("FR", "2A000")).isEqualTo(new Invalid("a French postal code has 5 digits, like 75008", "FR"));
    }

    @Test
    void otherCountriesGetTheLooseCheckInUpperCase() {
        assertThat(PostalCodes.check("NL", "1012 ab")).isEqualTo(new Valid("1012 AB"));
        assertThat(PostalCodes.check("JP", "100-0001")).isEqualTo(new Valid("100-0001"));
        assertThat(PostalCodes.check(null, "sw1a 1aa")).isEqualTo(new Valid("SW1A 1AA"));
    }

    @Test
    void looseCheckRefusesWhatNoPostalCodeContains() {
        Invalid problem = new Invalid("a postal code has 2 to 10 letters, digits, spaces or hyphens", "ANY");
        assertThat(PostalCodes.check("NL", "1")).isEqualTo(problem);
        assertThat(PostalCodes.check("NL", "1234567890A")).isEqualTo(problem);
        assertThat(PostalCodes.check("NL", "- -")).isEqualTo(problem);
        assertThat(PostalCodes.check("NL", "1012_AB")).isEqualTo(problem);
        assertThat(PostalCodes.check(null, "<b>12</b>")).isEqualTo(problem);
    }

    @Test
    void lettersThatOnlyUpperCaseToAsciiAreNotLetters() {
        assertThat(PostalCodes.check("GB", "\u017Fw1a 1aa")).as("long s").isInstanceOf(Invalid.class);
        assertThat(PostalCodes.check("NL", "1012 \u00DF")).as("sharp s").isInstanceOf(Invalid.class);
    }

    @Test
    void aCodeOnlyOneCountryWritesThatWayTellsTheCountry() {
        assertThat(PostalCodes.countryOf("sw1a 1aa")).contains("GB");
        assertThat(PostalCodes.countryOf("K1A 0B1")).contains("CA");
        assertThat(PostalCodes.countryOf("20500-0003")).contains("US");
        assertThat(PostalCodes.countryOf("10117")).as("US, DE or FR").isEmpty();
    }
}
