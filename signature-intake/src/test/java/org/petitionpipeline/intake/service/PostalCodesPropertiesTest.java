package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petitionpipeline.intake.service.RandomText.escaped;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PostalCodes;
import org.petitionpipeline.contracts.PostalCodes.Invalid;
import org.petitionpipeline.contracts.PostalCodes.Result;
import org.petitionpipeline.contracts.PostalCodes.Valid;

class PostalCodesPropertiesTest {

    private static final int TRIES = 2_000;
    private static final List<String> COUNTRIES = Arrays.asList("US", "GB", "UK", "CA", "DE", "FR", "NL", "JP", null);
    // The letters each position of a UK postcode may hold (Royal Mail's Programmers' Guide to PAF).
    private static final String UK_FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ";
    private static final String UK_SECOND = "ABCDEFGHKLMNOPQRSTUVWXY";
    private static final String UK_THIRD_OF_A9A = "ABCDEFGHJKPSTUW";
    private static final String UK_FOURTH_OF_AA9A = "ABEHMNPRVWXY";
    private static final String UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String CA_FIRST = "ABCEGHJKLMNPRSTVXY";
    private static final String CA_OTHER = "ABCEGHJKLMNPRSTVWXYZ";
    private static final String DIGITS = "0123456789";

    private final RandomText random = new RandomText(3166);

    @Test
    void everyUsZipAndZipPlusFourIsAcceptedAndStoredWithTheHyphen() {
        for (int i = 0; i < TRIES; i++) {
            String zip = digits(5);
            String plusFour = digits(4);
            String typed = List.of(zip, zip + "-" + plusFour, zip + plusFour).get(random.between(0, 2));
            String stored = typed.equals(zip) ? zip : zip + "-" + plusFour;

            assertThat(PostalCodes.check("US", typed)).as(typed).isEqualTo(new Valid(stored));
            assertThat(PostalCodes.check("US", stored)).as(stored).isEqualTo(new Valid(stored));
        }
    }

    @Test
    void everyUkPostcodeOfTheGrammarIsAcceptedInAnyCaseWithOrWithoutSpaces() {
        for (int i = 0; i < TRIES; i++) {
            String outward = ukOutward();
            String inward = ukInward();
            Valid stored = new Valid(outward + " " + inward);

            assertThat(PostalCodes.check("GB", (outward + inward).toLowerCase(Locale.ROOT))).isEqualTo(stored);
            String typed = mixedCase(outward + " ".repeat(random.between(0, 3)) + inward);
            assertThat(PostalCodes.check("GB", typed)).as(typed).isEqualTo(stored);
        }
    }

    @Test
    void everyCanadianPostalCodeIsAcceptedInAnyCaseWithOrWithoutTheSpace() {
        for (int i = 0; i < TRIES; i++) {
            String forward = random.oneOf(CA_FIRST) + random.oneOf(DIGITS) + random.oneOf(CA_OTHER);
            String local = random.oneOf(DIGITS) + random.oneOf(CA_OTHER) + random.oneOf(DIGITS);
            String typed = mixedCase(forward + " ".repeat(random.between(0, 2)) + local);

            assertThat(PostalCodes.check("CA", typed)).as(typed).isEqualTo(new Valid(forward + " " + local));
        }
    }

    @Test
    void acceptedCodesArePrintableAsciiInUpperCaseAndAcceptedAgainUnchanged() {
        for (String typed : candidates()) {
            for (String country : COUNTRIES) {
                Result result = PostalCodes.check(country, typed);
                if (result instanceof Valid valid) {
                    String why = country + " " + escaped(typed);
                    assertThat(valid.postalCode()).as(why).matches("[A-Z0-9 -]*[A-Z0-9][A-Z0-9 -]*");
                    assertThat(PostalCodes.check(country, valid.postalCode())).as(why).isEqualTo(valid);
                }
            }
        }
    }

    @Test
    void aControlCharacterOrAnythingButLettersDigitsSpacesAndHyphensIsRefusedEverywhere() {
        for (String typed : candidates()) {
            if (typed.codePoints().allMatch(PostalCodesPropertiesTest::mayBeInAPostalCode)) {
                continue;
            }
            for (String country : COUNTRIES) {
                assertThat(PostalCodes.check(country, typed)).as(country + " " + escaped(typed)).isInstanceOf(Invalid.class);
            }
        }
    }

    @Test
    void everyRefusalTellsTheSignerWhatIsExpected() {
        for (String typed : candidates()) {
            for (String country : COUNTRIES) {
                if (PostalCodes.check(country, typed) instanceof Invalid invalid) {
                    assertThat(invalid.problem()).matches("an? .*(ZIP code|postcode|postal code) (has|looks like) .*");
                }
            }
        }
    }

    /**
     * Random text, valid codes of every country, and valid codes with one character changed or put in; all NFC and
     * stripped, as {@link PostalCodes#check} gets them.
     */
    private List<String> candidates() {
        List<String> candidates = new ArrayList<>(random.strings(TRIES, 12));
        for (int i = 0; i < TRIES / 4; i++) {
            String outward = ukOutward();
            String valid = List.of(digits(5), digits(5) + "-" + digits(4), outward + " " + ukInward(),
                    random.oneOf(CA_FIRST) + random.oneOf(DIGITS) + random.oneOf(CA_OTHER) + " 1A1").get(random.between(0, 3));
            candidates.add(mixedCase(valid));
            int at = random.between(0, valid.length() - 1);
            String other = random.string(1);
            candidates.add(valid.substring(0, at) + other + valid.substring(at + 1));
            candidates.add(valid.substring(0, at) + other + valid.substring(at));
        }
        return candidates.stream().map(code -> Normalizer.normalize(code, Normalizer.Form.NFC).strip()).toList();
    }

    private String ukOutward() {
        String area = random.chance(0.5) ? random.oneOf(UK_FIRST) : random.oneOf(UK_FIRST) + random.oneOf(UK_SECOND);
        return switch (random.between(0, 2)) {
            case 0 -> area + random.oneOf(DIGITS);
            case 1 -> area + digits(2);
            default -> area + random.oneOf(DIGITS) + random.oneOf(area.length() == 1 ? UK_THIRD_OF_A9A : UK_FOURTH_OF_AA9A);
        };
    }

    private String ukInward() {
        return random.oneOf(DIGITS) + random.oneOf(UK_INWARD) + random.oneOf(UK_INWARD);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.oneOf(DIGITS));
        }
        return digits.toString();
    }

    private String mixedCase(String code) {
        StringBuilder mixed = new StringBuilder();
        for (char c : code.toCharArray()) {
            mixed.append(random.chance(0.5) ? Character.toLowerCase(c) : c);
        }
        return mixed.toString();
    }

    private static boolean mayBeInAPostalCode(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == ' ' || c == '-');
    }
}
