package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PostalCodes;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.intake.messages.IntakeMessages;
import org.petitionpipeline.intake.messages.SignerLanguage;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.input.SafeText;

/**
 * Checks and normalizes what a signer sent. Control characters (CR/LF above all) are refused in every
 * field: names and comments reach email headers and delivery reports, where a line break is an injection.
 */
@ApplicationScoped
public class SignatureValidator {

    // RFC 5321 4.5.3.1: local part at most 64 octets, a forward path at most 256 (254 for the address)
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_NAME = 100;
    private static final int MAX_COMMENTS = 2_000;
    private static final int MAX_POSTAL_CODE = 16;
    private static final int MAX_URL = 2_000;
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[<>{}\\[\\]\\\\|;=@\"^*_~#$%+:/]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    // RFC 5322 dot-atom: dots only between characters, never two in a row
    private static final Pattern DOT_ATOM_DOTS = Pattern.compile("^\\.|\\.$|\\.\\.");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Map<SignerField, String> FIELD_NAMES = Map.of(
            SignerField.FAMILY_NAME, "person.family_name",
            SignerField.POSTAL_CODE, "person.postal_addresses.postal_code",
            SignerField.COUNTRY, "person.postal_addresses.country",
            SignerField.COMMENTS, "comments");

    /**
     * @param messages the words of the language the form was shown in (see {@link #languageOf}), which name what
     *                 to fix
     */
    public ValidSignature validate(SignatureRequest request, PetitionDefinition petition, IntakeMessages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        String language = languageOf(request, petition);
        if (request == null || request.person() == null) {
            throw ProblemException.unprocessable(messages.errorNoPerson(),
                    Map.of("person", messages.errorPersonRequired()));
        }
        SignatureRequest.Person person = request.person();
        String givenName = name(errors, messages, "person.given_name", person.givenName(), true);
        String familyName = name(errors, messages, "person.family_name", person.familyName(), false);
        String canonicalEmail = canonicalEmail(errors, messages, person.emailAddresses());
        String typedEmail = canonicalEmail == null ? null
                : Normalizer.normalize(first(person.emailAddresses()).address(), Normalizer.Form.NFC).strip();
        SignatureRequest.PostalAddress postal = first(person.postalAddresses());
        String typedPostalCode = text(errors, messages, "person.postal_addresses.postal_code",
                postal == null ? null : postal.postalCode(), MAX_POSTAL_CODE, false);
        String country = country(errors, messages, postal == null ? null : postal.country());
        String postalCode = postalCodeOf(errors, messages, country, typedPostalCode);
        String comments = text(errors, messages, "comments", request.comments(), MAX_COMMENTS, false);
        String referrer = request.referrerData() == null ? null
                : webAddress(errors, messages, request.referrerData().url());
        requirePetitionFields(errors, messages, petition.requiredFields(), Map.of(
                SignerField.FAMILY_NAME, Optional.ofNullable(familyName),
                SignerField.POSTAL_CODE, Optional.ofNullable(postalCode),
                SignerField.COUNTRY, Optional.ofNullable(country),
                SignerField.COMMENTS, Optional.ofNullable(comments)));
        requireCurrentConsentWording(errors, messages, request.consent(), petition.consentTextVersionIn(language));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(messages.errorInvalidFields(errors.size()), errors);
        }
        boolean emailUpdates = request.consent() != null && request.consent().emailUpdates();
        return new ValidSignature(givenName, familyName, typedEmail, canonicalEmail, postalCode, country, comments, emailUpdates,
                referrer, language);
    }

    /** The language the signer's form was shown in: its consent answer's, when the petition is written in it. */
    public static String languageOf(SignatureRequest request, PetitionDefinition petition) {
        return SignerLanguage.shown(petition, request == null || request.consent() == null ? null
                : request.consent().language());
    }

    private static void requirePetitionFields(Map<String, String> errors, IntakeMessages messages,
            List<SignerField> required, Map<SignerField, Optional<String>> given) {
        for (SignerField field : required) {
            String name = FIELD_NAMES.get(field);
            if (given.get(field).isEmpty() && !errors.containsKey(name)) {
                errors.put(name, messages.errorRequiredHere());
            }
        }
    }

    /** Consent evidence names the wording a signer saw; an old form showing older wording must reload first. */
    private static void requireCurrentConsentWording(Map<String, String> errors, IntakeMessages messages,
            SignatureRequest.ConsentAnswer consent, String currentVersion) {
        if (consent != null && consent.emailUpdates() && consent.textVersion() != null
                && !consent.textVersion().equals(currentVersion)) {
            errors.put("consent.text_version", messages.errorConsentChanged());
        }
    }

    /**
     * A name as people write them, in any script, with spaces, apostrophes, hyphens, dots, commas and digits;
     * not markup, template or SQL syntax, and not a link (a favourite of spam bots), since names are printed in
     * emails and delivery reports.
     */
    private static String name(Map<String, String> errors, IntakeMessages messages, String field, String value,
            boolean required) {
        String name = text(errors, messages, field, value, MAX_NAME, required);
        if (name != null && !errors.containsKey(field)) {
            if (NOT_IN_NAMES.matcher(name).find()) {
                errors.put(field, messages.errorNameSymbols());
            } else if (!LETTER.matcher(name).find()) {
                errors.put(field, messages.errorNameLetter());
            }
        }
        return name;
    }

    /** The page the form is embedded on, kept as consent evidence: an absolute http(s) address or nothing. */
    private static String webAddress(Map<String, String> errors, IntakeMessages messages, String value) {
        String field = "referrer_data.url";
        String url = text(errors, messages, field, value, MAX_URL, false);
        if (url != null && !errors.containsKey(field) && !isWebAddress(url)) {
            errors.put(field, messages.errorWebAddress());
        }
        return url;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(Map<String, String> errors, IntakeMessages messages, String field, String value,
            int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, messages.errorRequired());
            }
            return null;
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (!SafeText.isSafe(normalized)) {
            errors.put(field, messages.errorControlCharacters());
        } else if (normalized.length() > maxLength) {
            errors.put(field, messages.errorTooLong(maxLength));
        }
        return normalized;
    }

    private static String canonicalEmail(Map<String, String> errors, IntakeMessages messages,
            List<SignatureRequest.EmailAddress> addresses) {
        String field = "person.email_addresses";
        SignatureRequest.EmailAddress first = first(addresses);
        String raw = first == null ? null : first.address();
        if (raw == null || raw.isBlank()) {
            errors.put(field, messages.errorRequired());
            return null;
        }
        if (!SafeText.isSafe(raw)) {
            errors.put(field, messages.errorControlCharacters());
            return null;
        }
        Optional<String> canonical = CanonicalEmail.of(raw);
        String address = canonical.orElse("");
        int at = address.lastIndexOf('@');
        if (canonical.isEmpty() || address.length() > MAX_ADDRESS || at > MAX_LOCAL_PART
                || !LOCAL_PART.matcher(address.substring(0, at)).matches()
                || DOT_ATOM_DOTS.matcher(address.substring(0, at)).find()
                || !address.substring(at + 1).contains(".")) {
            errors.put(field, messages.errorEmail(raw.strip()));
            return null;
        }
        return address;
    }

    private static String postalCodeOf(Map<String, String> errors, IntakeMessages messages, String country,
            String postalCode) {
        String field = "person.postal_addresses.postal_code";
        if (postalCode == null || errors.containsKey(field)) {
            return postalCode;
        }
        PostalCodes.Result result = PostalCodes.check(country, postalCode);
        if (result instanceof PostalCodes.Invalid invalid) {
            errors.put(field, postalCodeProblem(messages, invalid.rule()));
            return null;
        }
        return ((PostalCodes.Valid) result).postalCode();
    }

    private static String postalCodeProblem(IntakeMessages messages, String rule) {
        return switch (rule) {
            case "US" -> messages.errorPostalCodeUs();
            case "GB" -> messages.errorPostalCodeGb();
            case "CA" -> messages.errorPostalCodeCa();
            case "DE" -> messages.errorPostalCodeDe();
            case "FR" -> messages.errorPostalCodeFr();
            default -> messages.errorPostalCode();
        };
    }

    private static String country(Map<String, String> errors, IntakeMessages messages, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // Matched before upper-casing, which turns the sharp s into "SS" and the ligature ff into "FF".
        String typed = value.strip();
        if (!COUNTRY.matcher(typed).matches()) {
            errors.put("person.postal_addresses.country", messages.errorCountry());
            return null;
        }
        return typed.toUpperCase(Locale.ROOT);
    }

    private static <T> T first(List<T> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
