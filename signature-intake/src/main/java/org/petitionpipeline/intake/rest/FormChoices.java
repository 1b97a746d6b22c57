package org.petitionpipeline.intake.rest;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.intake.messages.IntakeMessages;

/**
 * The choices the signing and calling forms offer, one list for the widget (written into embed.js) and the plain
 * pages, so they never disagree.
 */
public final class FormChoices {

    private static final Map<String, List<Choice>> COUNTRIES_BY_LANGUAGE = new ConcurrentHashMap<>();

    /** What a caller may answer to "How did it go?", in the words of {@code messages}' language. */
    public static List<Choice> callOutcomes(IntakeMessages messages) {
        Map<CallOutcome, String> labels = Map.of(
                CallOutcome.TALKED_TO_STAFF, messages.outcomeTalkedToStaff(),
                CallOutcome.LEFT_VOICEMAIL, messages.outcomeLeftVoicemail(),
                CallOutcome.NO_ANSWER, messages.outcomeNoAnswer(),
                CallOutcome.LINE_BUSY, messages.outcomeLineBusy());
        return Stream.of(CallOutcome.values()).map(outcome -> new Choice(outcome.name(), labels.get(outcome)))
                .toList();
    }

    /** ISO 3166-1 alpha-2 codes, named in {@code language} and in its alphabetical order. */
    public static List<Choice> countries(String language) {
        return COUNTRIES_BY_LANGUAGE.computeIfAbsent(language, FormChoices::namedCountries);
    }

    private static List<Choice> namedCountries(String language) {
        Locale names = Locale.forLanguageTag(language);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(names)))
                .sorted(Comparator.comparing(Choice::label, Collator.getInstance(names)))
                .toList();
    }

    private FormChoices() {
    }

    /** One option: the value a form sends, and what a person reads. */
    public record Choice(String value, String label) {
    }
}
