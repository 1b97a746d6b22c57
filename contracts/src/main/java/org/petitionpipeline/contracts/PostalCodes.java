package org.petitionpipeline.contracts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a postal code against the format of its country and brings it into the form the post writes it in
 * ("sw1a1aa" is "SW1A 1AA"). Countries without a rule of their own get a loose check that only keeps out what
 * no postal code anywhere contains.
 *
 * <p>Every pattern is ASCII only, and letters are matched case-insensitively before they are upper-cased:
 * upper-casing first would let look-alikes through ("ſw1a 1aa" becomes "SW1A 1AA", "ß" becomes "SS").
 * The UPU asks for postal codes in Latin letters and Arabic digits on international mail, so nothing is lost.
 */
public final class PostalCodes {

    /**
     * What {@link #check} found: the code as it should be stored, or a message to show next to the field, in
     * English, and the rule it broke ({@code US}, {@code GB}, {@code CA}, {@code DE}, {@code FR}, or {@code ANY} for
     * the loose check), by which a form in another language words it.
     */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(String postalCode) implements Result {
    }

    public record Invalid(String problem, String rule) implements Result {
    }

    private static final Format US = new Format("US", "(\\d{5})(?:-?(\\d{4}))?",
            zip -> zip.group(2) == null ? zip.group(1) : zip.group(1) + "-" + zip.group(2),
            "a US ZIP code has 5 digits, or 5+4 like 20500-0003");

    // The Royal Mail's outward code shapes A9, A99, AA9, AA99, A9A and AA9A, each position with its own letters,
    // then the inward code 9AA; GIR 0AA is the one code outside that grammar.
    private static final String UK_OUTWARD = "GIR(?= *0AA)"
            + "|[A-PR-UWYZ][0-9][0-9]?"
            + "|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
            + "|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
            + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]";
    private static final Format UK = new Format("GB", "(" + UK_OUTWARD + ") *([0-9][ABD-HJLNP-UW-Z]{2})",
            PostalCodes::partsWithOneSpace, "a UK postcode looks like SW1A 1AA or M1 1AE");

    // Canada Post leaves out D F I O Q U, which handwritten pass for other letters or digits, and W Z as first letter.
    private static final Format CA = new Format("CA", "([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]) *([0-9][ABCEGHJ-NPRSTV-Z][0-9])",
            PostalCodes::partsWithOneSpace, "a Canadian postal code looks like K1A 0B1");

    private static final Format DE = new Format("DE", "\\d{5}", MatchResult::group,
            "a German postal code has 5 digits, like 10117");

    // Corsica's department codes 2A and 2B are not part of its postal codes, which are digits starting with 20.
    private static final Format FR = new Format("FR", "\\d{5}", MatchResult::group,
            "a French postal code has 5 digits, like 75008");

    private static final Format ANY = new Format("ANY", "(?=.*[A-Z0-9])[A-Z0-9 -]{2,10}",
            code -> code.group().toUpperCase(Locale.ROOT),
            "a postal code has 2 to 10 letters, digits, spaces or hyphens");

    // "UK" is not an ISO 3166 code but is reserved for the United Kingdom, and it is what people type.
    private static final Map<String, Format> BY_COUNTRY = Map.of("US", US, "GB", UK, "UK", UK, "CA", CA, "DE", DE, "FR", FR);

    private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("\\d{5}-\\d{4}");

    private PostalCodes() {
    }

    /**
     * @param country ISO 3166 alpha-2 code in upper case, or null when the signer gave none
     * @param postalCode what the signer typed, NFC-normalized and stripped; never null
     */
    public static Result check(String country, String postalCode) {
        Format format = country == null ? ANY : BY_COUNTRY.getOrDefault(country, ANY);
        return format.check(postalCode);
    }

    /**
     * The country a postal code can only belong to, for a signer who gave none: a UK postcode, a Canadian
     * postal code or a ZIP+4. Five digits alone could be American, German or French, so they say nothing.
     */
    public static Optional<String> countryOf(String postalCode) {
        String code = postalCode.strip();
        if (UK.pattern().matcher(code).matches()) {
            return Optional.of("GB");
        }
        if (CA.pattern().matcher(code).matches()) {
            return Optional.of("CA");
        }
        return ZIP_PLUS_FOUR.matcher(code).matches() ? Optional.of("US") : Optional.empty();
    }

    private static String partsWithOneSpace(MatchResult code) {
        return (code.group(1) + " " + code.group(2)).toUpperCase(Locale.ROOT);
    }

    private record Format(String rule, Pattern pattern, Function<MatchResult, String> normalized, String problem) {

        Format(String rule, String regex, Function<MatchResult, String> normalized, String problem) {
            this(rule, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), normalized, problem);
        }

        Result check(String postalCode) {
            Matcher matcher = pattern.matcher(postalCode);
            return matcher.matches() ? new Valid(normalized.apply(matcher)) : new Invalid(problem, rule);
        }
    }
}
