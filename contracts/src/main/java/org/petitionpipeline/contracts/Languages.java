package org.petitionpipeline.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which language a signer sees: the one the embed asks for ({@code data-lang}), else the first of the browser's
 * languages the petition is written in, else the petition's default. Languages are ISO 639 codes, lower case,
 * without region ("es" for "es-MX"): petitions are translated per language, not per country. An unknown or
 * malformed request falls back quietly: a signer never sees an error for an embed's typo.
 */
public final class Languages {

    public static final String DEFAULT = "en";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** Scripts written right to left, by the languages that use them (CLDR's character order). */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv",
            "ckb");

    private Languages() {
    }

    /** The language of a tag such as "es-MX" or "ES", or empty when it is not a language tag. */
    public static Optional<String> languageOf(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return LANGUAGE.matcher(language).matches() ? Optional.of(language) : Optional.empty();
    }

    /**
     * @param requested      the embed's {@code data-lang} (or the form's {@code lang} field), may be null
     * @param acceptLanguage the browser's {@code Accept-Language} header, may be null or malformed
     * @param offered        the languages the petition is written in
     * @param fallback       the petition's default language
     */
    public static String negotiate(String requested, String acceptLanguage, Set<String> offered, String fallback) {
        Optional<String> asked = languageOf(requested).filter(offered::contains);
        if (asked.isPresent()) {
            return asked.get();
        }
        for (Locale.LanguageRange range : browserLanguages(acceptLanguage)) {
            Optional<String> language = languageOf(range.getRange()).filter(offered::contains);
            if (language.isPresent() && range.getWeight() > 0) {
                return language.get();
            }
        }
        return fallback;
    }

    public static boolean isRightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }

    /** {@code rtl} or {@code ltr}, for an HTML {@code dir} attribute. */
    public static String direction(String language) {
        return isRightToLeft(language) ? "rtl" : "ltr";
    }

    private static List<Locale.LanguageRange> browserLanguages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
