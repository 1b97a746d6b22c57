package org.petitionpipeline.reporting.petitions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.contracts.OfficeContact;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.PetitionTranslation;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.identity.EmailAddresses;

/** Checks an organizer's petition request field by field, so the answer can name every mistake at once. */
@ApplicationScoped
public class PetitionRequestValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    // What a browser sends in the Origin header: scheme, host and an optional port, nothing else
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(?::[0-9]{1,5})?");
    // What people dial: an optional +, digits, and the spaces, dots, hyphens and brackets that group them
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ().-]{4,30}[0-9]");
    // ISO 3166 country or subdivision, e.g. "GB" or "US-CA"
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(?:-[A-Z0-9]{1,3})?");
    private static final int MAX_TITLE = 200;
    private static final int MAX_LABEL = 100;
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_SHARE_TEXT = 280;

    private final ReportingConfig config;

    public PetitionRequestValidator(ReportingConfig config) {
        this.config = config;
    }

    /** A new petition: its slug, then everything an organizer writes. */
    public void validate(PetitionRequest request) {
        requireBody(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
            errors.put("slug", "use 1-64 lower-case letters, digits and inner hyphens, e.g. 'tell-the-ag-resign'");
        }
        errors.putAll(contentErrors(request));
        retentionError(request).ifPresent(error -> errors.put("retention_days", error));
        throwIfAny(errors);
    }

    /**
     * A new version of the petition at {@code slug}. The slug stays: signing links, embeds and every recorded
     * signature use it. The body may leave it out or repeat it.
     */
    public void validateUpdate(String slug, PetitionRequest request) {
        requireBody(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.slug() != null && !request.slug().equals(slug)) {
            errors.put("slug", "a petition keeps its slug '" + slug + "': leave it out, or create a new petition");
        }
        errors.putAll(contentErrors(request));
        retentionError(request).ifPresent(error -> errors.put("retention_days", error));
        throwIfAny(errors);
    }

    private static void requireBody(PetitionRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("the request has no petition in its body", Map.of());
        }
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the petition has " + errors.size() + " invalid field(s)", errors);
        }
    }

    private static Map<String, String> contentErrors(PetitionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        requireText(errors, "title", request.title(), MAX_TITLE);
        if (request.title() != null && CONTROL.matcher(request.title()).find()) {
            errors.put("title", "one line: no line breaks or other control characters (it becomes an email subject)");
        }
        requireText(errors, "text", request.text(), MAX_TEXT);
        if (request.targets() == null || request.targets().isEmpty()) {
            errors.put("targets", "name at least one target, e.g. {\"name\": \"…\", \"title\": \"U.S. Attorney General\"}");
        } else {
            for (int i = 0; i < request.targets().size(); i++) {
                var target = request.targets().get(i);
                if (target == null || isBlank(target.name()) && isBlank(target.title())) {
                    errors.put("targets[" + i + "]", "give the target a name or a title");
                } else {
                    errors.putAll(targetErrors("targets[" + i + "]", target));
                }
            }
        }
        if (request.goal() == null || request.goal() < 1) {
            errors.put("goal", "set a goal of at least 1 signature");
        }
        if (!isBlank(request.consentText()) && isBlank(request.consentTextVersion())) {
            errors.put("consent_text_version", "give your consent wording a version, e.g. '2026-11', so consent records say which one a signer saw");
        }
        if (request.requiredFields() != null && request.requiredFields().contains(null)) {
            errors.put("required_fields", "list field names, e.g. [\"postal_code\"], without nulls");
        }
        if (request.allowedOrigins() != null) {
            for (int i = 0; i < request.allowedOrigins().size(); i++) {
                String origin = request.allowedOrigins().get(i);
                if (origin == null || !ORIGIN.matcher(origin).matches()) {
                    errors.put("allowed_origins[" + i + "]",
                            "a web origin is scheme and host without a path, e.g. 'https://news.example'");
                }
            }
        }
        errors.putAll(languageErrors(request));
        if (request.organizerEmails() != null) {
            for (int i = 0; i < request.organizerEmails().size(); i++) {
                String address = request.organizerEmails().get(i);
                if (!EmailAddresses.valid(address)) {
                    errors.put("organizer_emails[" + i + "]", "an email address, e.g. 'team@campaign.example'");
                }
            }
        }
        return errors;
    }

    /**
     * The default language and every translation: each field of a translation checked as the default's is, a consent
     * wording with its own version, and target titles translated only for titles the petition has.
     */
    private static Map<String, String> languageErrors(PetitionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.language() != null && !isLanguage(request.language())) {
            errors.put("language", "an ISO 639 language code in lower case, e.g. 'en' or 'es'");
        }
        oneLineError(request.shareText(), MAX_SHARE_TEXT).ifPresent(error -> errors.put("share_text", error));
        if (request.translations() == null) {
            return errors;
        }
        String language = request.language() == null ? Languages.DEFAULT : request.language();
        Set<String> targetTitles = request.targets() == null ? Set.of() : request.targets().stream()
                .filter(Objects::nonNull).map(PetitionTarget::title).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        request.translations().forEach((tag, translation) -> {
            String field = "translations." + tag;
            if (!isLanguage(tag) || tag.equals(language)) {
                errors.put(field, "translations are keyed by ISO 639 language codes in lower case, e.g. 'es', other"
                        + " than the petition's own language '" + language + "'");
            } else if (translation == null) {
                errors.put(field, "give at least one translated field, e.g. {\"title\": \"…\"}");
            } else {
                errors.putAll(translationErrors(field, translation, targetTitles));
            }
        });
        return errors;
    }

    private static Map<String, String> translationErrors(String field, PetitionTranslation translation,
            Set<String> targetTitles) {
        Map<String, String> errors = new LinkedHashMap<>();
        oneLineError(translation.title(), MAX_TITLE).ifPresent(error -> errors.put(field + ".title", error));
        if (translation.text() != null && translation.text().length() > MAX_TEXT) {
            errors.put(field + ".text", "at most " + MAX_TEXT + " characters");
        }
        oneLineError(translation.shareText(), MAX_SHARE_TEXT)
                .ifPresent(error -> errors.put(field + ".share_text", error));
        if (!isBlank(translation.consentText()) && isBlank(translation.consentTextVersion())) {
            errors.put(field + ".consent_text_version", "give this language's consent wording its own version, "
                    + "e.g. '2026-11-es', so consent records say which one a signer saw");
        }
        translation.targetTitles().forEach((title, translated) -> {
            if (!targetTitles.contains(title)) {
                errors.put(field + ".target_titles", "translate titles the petition's targets have: '" + title
                        + "' is none of them");
            } else {
                oneLineError(translated, MAX_TITLE)
                        .ifPresent(error -> errors.put(field + ".target_titles." + title, error));
            }
        });
        return errors;
    }

    private static Optional<String> oneLineError(String value, int maxLength) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of("at most " + maxLength + " characters");
        }
        return CONTROL.matcher(value).find() ? Optional.of("one line: no line breaks or other control characters")
                : Optional.empty();
    }

    private static boolean isLanguage(String tag) {
        return Languages.languageOf(tag).filter(tag::equals).isPresent();
    }

    /**
     * An organizer may only shorten the deployment's period: it is what the privacy notice promises signers at most.
     * Whole days, at least one, so a close is never followed by an anonymization before reports can be made.
     */
    private Optional<String> retentionError(PetitionRequest request) {
        Integer days = request.retentionDays();
        long deploymentDays = config.retention().afterClose().toDays();
        if (days == null || days >= 1 && days < deploymentDays) {
            return Optional.empty();
        }
        return Optional.of("days after the close, from 1 to " + (deploymentDays - 1) + ", shorter than this "
                + "deployment's " + deploymentDays + "; leave it out to keep signers' data that long");
    }

    private static Map<String, String> targetErrors(String field, PetitionTarget target) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (target.region() != null && !REGION.matcher(target.region()).matches()) {
            errors.put(field + ".region", "an ISO 3166 code such as 'GB' or 'US-CA'");
        }
        for (int j = 0; j < target.offices().size(); j++) {
            OfficeContact office = target.offices().get(j);
            String officeField = field + ".offices[" + j + "]";
            if (office == null || office.phone() == null || !PHONE.matcher(office.phone()).matches()) {
                errors.put(officeField + ".phone", "a phone number such as '+1 202-514-2000'");
            } else if (isBlank(office.label()) || office.label().length() > MAX_LABEL
                    || CONTROL.matcher(office.label()).find()) {
                errors.put(officeField + ".label", "name the office in one line of at most " + MAX_LABEL
                        + " characters, e.g. 'Washington, DC office'");
            }
        }
        return errors;
    }

    private static void requireText(Map<String, String> errors, String field, String value, int maxLength) {
        if (isBlank(value)) {
            errors.put(field, "required");
        } else if (value.length() > maxLength) {
            errors.put(field, "at most " + maxLength + " characters");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
