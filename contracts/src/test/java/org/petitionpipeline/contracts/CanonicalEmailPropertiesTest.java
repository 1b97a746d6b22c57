package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link CanonicalEmail} over reproducible random input (fixed seed): generated addresses with their
 * case, spacing and Unicode spellings, and arbitrary text with the characters that break text handling.
 */
class CanonicalEmailPropertiesTest {

    private static final int TRIES = 3_000;
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // Letters with a precomposed form in both cases, a letter that has only a lower-case precomposed form (j with
    // caron), and the characters local parts and domains are made of.
    private static final String LOCAL_EXTRA = "._+-\u00E9\u00C9\u00FC\u00DC\u00F8\u00D8\u01F0";
    private static final String DOMAIN_EXTRA = "-\u00FC\u00DC\u00E9";
    // Whitespace that String.strip() removes at the ends of an address.
    private static final String STRIPPED = " \t\n\r\u2003\u3000";
    private static final int[] TRICKY = {'\t', '\n', '\r', 0x00, 0x7F, 0x85, ' ', 0xA0, 0x2028, 0x3000, 0x0301, 0x030C,
            0x0307, 'J', 'I', 0x01F0, 0xDF, 0x17F, 0x130, 0x131, 0xFB00, 0x212A, 0xFF21, 0x3002, 0xFF0E, 0xD800,
            0x1F600, '@', '@', '.', '.', '-', 0x200B};

    private final Random random = new Random(5322);

    // Found by this property: "J\u030C@e.org" once gave "j\u030C@e.org", whose canonical form is "\u01F0@e.org".
    @Test
    void theCanonicalFormIsItsOwnCanonicalForm() {
        forEachInput(input -> CanonicalEmail.of(input)
                .ifPresent(canonical -> assertThat(CanonicalEmail.of(canonical)).contains(canonical)));
    }

    @Test
    void caseSurroundingWhitespaceAndUnicodeSpellingDoNotMakeANewAddress() {
        for (int i = 0; i < TRIES; i++) {
            String address = address();
            String variant = variant(address);
            assertThat(CanonicalEmail.of(variant)).as("%s written as %s", escaped(address), escaped(variant))
                    .isEqualTo(CanonicalEmail.of(address)).isPresent();
        }
    }

    @Test
    void theCanonicalFormHasNoAsciiUpperCase() {
        forEachInput(input -> CanonicalEmail.of(input)
                .ifPresent(canonical -> assertThat(canonical).doesNotContainPattern("[A-Z]")));
    }

    @Test
    void canonicalizingAddsNoWhitespaceOrControlCharacters() {
        for (int i = 0; i < TRIES; i++) {
            String variant = variant(address());
            assertThat(CanonicalEmail.of(variant)).as(escaped(variant))
                    .hasValueSatisfying(canonical -> assertThat(canonical).doesNotContainPattern("[\\p{Cc}\\p{Z}\\s]"));
        }
    }

    @Test
    void theTypedAddressIntakeSendsHasTheCanonicalFormIntakeWorkedOut() {
        // Intake keys an event by the canonical form of the raw address and sends the address NFC-normalized and
        // stripped; dedup works the canonical form out again from that.
        forEachInput(input -> assertThat(CanonicalEmail.of(Normalizer.normalize(input, Normalizer.Form.NFC).strip()))
                .isEqualTo(CanonicalEmail.of(input)));
    }

    /** Runs a property on generated addresses, their variants and arbitrary text, and names the input it fails for. */
    private void forEachInput(Consumer<String> property) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            inputs.add(variant(address()));
            inputs.add(arbitrary(1 + 40 * i / TRIES));
        }
        for (String input : inputs) {
            try {
                property.accept(input);
            } catch (RuntimeException | AssertionError failure) {
                throw new AssertionError("property fails for \"" + escaped(input) + "\"", failure);
            }
        }
    }

    private String address() {
        return pieces(ASCII + LOCAL_EXTRA, 1, 12) + "@" + pieces(ASCII, 1, 1) + pieces(ASCII + DOMAIN_EXTRA, 0, 8)
                + pieces(ASCII, 1, 1) + "." + pieces(ASCII, 2, 4) + (random.nextInt(10) == 0 ? "." : "");
    }

    /** The same address as a signer might type it: letters in another case, spaces around it, NFC or NFD. */
    private String variant(String address) {
        StringBuilder variant = new StringBuilder();
        variant.append(pieces(STRIPPED, 0, 2));
        address.codePoints().forEach(c -> variant.append(random.nextBoolean() ? Character.toString(c) : otherCase(c)));
        variant.append(pieces(STRIPPED, 0, 2));
        return Normalizer.normalize(variant, random.nextBoolean() ? Normalizer.Form.NFC : Normalizer.Form.NFD);
    }

    /**
     * The letter in the other case where that is the same letter again: "\u01F0" (j with caron) has no precomposed
     * capital and is "J\u030C" in upper case, but "\u00DF" upper-cased is "SS", which is another address.
     */
    private static String otherCase(int c) {
        String letter = Character.toString(c);
        String upper = letter.toUpperCase(Locale.ROOT);
        String other = letter.equals(upper) ? letter.toLowerCase(Locale.ROOT) : upper;
        return lowerNfc(other).equals(lowerNfc(letter)) ? other : letter;
    }

    private static String lowerNfc(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private String arbitrary(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int pick = random.nextInt(10);
            text.appendCodePoint(pick < 4 ? ASCII.charAt(random.nextInt(ASCII.length()))
                    : pick < 9 ? TRICKY[random.nextInt(TRICKY.length)] : random.nextInt(Character.MAX_CODE_POINT + 1));
        }
        return text.toString();
    }

    private String pieces(String alphabet, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = minLength + random.nextInt(maxLength - minLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String escaped(Object value) {
        return String.valueOf(value).codePoints()
                .mapToObj(c -> c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c))
                .collect(Collectors.joining());
    }
}
