package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Topic {@link Topics#PETITIONS} (compacted), key = slug: the current definition of a petition, owned by
 * reporting-service. Every other service builds its view of the catalog by reading this topic from the start.
 * {@code allowedOrigins} lists the web origins (e.g. {@code https://news.example}) whose pages may embed the
 * signing form; empty means the pipeline-wide allowlist applies. {@code householdSignatures} is the UK
 * Parliament's rule for people who share an address: one email may sign once per person, when the names differ
 * and the postal code is the same. {@code verifiedSignaturesOnly}: only signatures whose signer confirmed their email
 * address count (double opt-in). {@code endsAt}: when signing closes, null for no end date. {@code organizerEmails}:
 * who receives delivery reports at milestones (organizers, not signers, so their addresses may travel in values).
 * {@code retentionDays}: how many days after the petition closes its signers' personal data is anonymized, when the
 * organizer chose a period shorter than the deployment's; null for the deployment's (and in definitions written
 * before the field existed). {@code organization}: the slug of the organization that owns the petition, whose members
 * may act on it in every service; null in definitions written before organizations existed (they belong to
 * {@code default}). {@code language}: the language the petition is written in (ISO 639, e.g. {@code en}), null in
 * definitions written before languages existed (English). {@code shareText}: what a signer's share offers to post,
 * null for the title. {@code translations}: the petition in further languages, by language; a field a translation
 * leaves out shows this definition's wording (see {@link #in}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionDefinition(
        int schemaVersion,
        String slug,
        String title,
        String text,
        List<PetitionTarget> targets,
        long goal,
        PetitionStatus status,
        String consentText,
        String consentTextVersion,
        List<SignerField> requiredFields,
        List<String> allowedOrigins,
        boolean householdSignatures,
        boolean verifiedSignaturesOnly,
        Instant endsAt,
        List<String> organizerEmails,
        Instant updatedAt,
        Integer retentionDays,
        String organization,
        String language,
        String shareText,
        Map<String, PetitionTranslation> translations) implements Event {

    /** Definitions written before a list existed read as an empty list, never null. */
    public PetitionDefinition {
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        organizerEmails = organizerEmails == null ? List.of() : List.copyOf(organizerEmails);
        language = language == null ? Languages.DEFAULT : language;
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "slug", slug, "title", title, "status", status);
    }

    /** The languages a signer may read this petition in: its own and every translation's. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(translations.keySet());
        languages.add(language);
        return languages;
    }

    /** Whether {@code wanted} is one of {@link #languages()}, without building the set: intake asks it per signature. */
    public boolean isWrittenIn(String wanted) {
        return language.equals(wanted) || translations.containsKey(wanted);
    }

    /**
     * The version of the consent wording a signer reads in {@code wanted}: that language's, when it has its own
     * wording, else this definition's. The same as {@code in(wanted).consentTextVersion()}, without translating every
     * target: intake asks it for every signature.
     */
    public String consentTextVersionIn(String wanted) {
        PetitionTranslation translation = wanted.equals(language) ? null : translations.get(wanted);
        return translation != null && hasOwnConsent(translation) ? translation.consentTextVersion()
                : consentTextVersion;
    }

    /**
     * This petition in {@code wanted}, field by field: the translation's wording where it gives one, this
     * definition's where it does not (or when there is no translation for {@code wanted} at all).
     */
    public LocalizedPetition in(String wanted) {
        PetitionTranslation translation = translations.get(wanted);
        if (translation == null || wanted.equals(language)) {
            return new LocalizedPetition(language, title, text, consentText, consentTextVersion, sharedText(),
                    targets);
        }
        boolean ownConsent = hasOwnConsent(translation);
        return new LocalizedPetition(wanted,
                present(translation.title()) ? translation.title() : title,
                present(translation.text()) ? translation.text() : text,
                ownConsent ? translation.consentText() : consentText,
                ownConsent ? translation.consentTextVersion() : consentTextVersion,
                present(translation.shareText()) ? translation.shareText() : sharedText(),
                targets.stream().map(target -> target.titled(translation.targetTitles().get(target.title())))
                        .toList());
    }

    private static boolean hasOwnConsent(PetitionTranslation translation) {
        return present(translation.consentText()) && present(translation.consentTextVersion());
    }

    private String sharedText() {
        return present(shareText) ? shareText : title;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Whether a signature received at {@code at} may count: the petition is open and has not ended. */
    public boolean isOpenAt(Instant at) {
        return status == PetitionStatus.OPEN && (endsAt == null || at.isBefore(endsAt));
    }
}
