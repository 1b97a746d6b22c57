package org.petitionpipeline.intake.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.CallOutcome;

/**
 * The choices the signing and calling forms offer, one list for the widget (written into embed.js) and the plain
 * pages, so they never disagree.
 */
public final class FormChoices {

    private static final Map<CallOutcome, String> OUTCOME_LABELS = Map.of(
            CallOutcome.TALKED_TO_STAFF, "I talked to a staff member",
            CallOutcome.LEFT_VOICEMAIL, "I left a voicemail",
            CallOutcome.NO_ANSWER, "Nobody answered",
            CallOutcome.LINE_BUSY, "The line was busy");

    /** ISO 3166-1 alpha-2 codes, named in English (the widget names them in the browser's language itself). */
    public static final List<Choice> COUNTRIES = Stream.of(Locale.getISOCountries())
            .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Choice::label))
            .toList();

    public static final List<Choice> CALL_OUTCOMES = Stream.of(CallOutcome.values())
            .map(outcome -> new Choice(outcome.name(), OUTCOME_LABELS.get(outcome)))
            .toList();

    private FormChoices() {
    }

    /** One option: the value a form sends, and what a person reads. */
    public record Choice(String value, String label) {
    }
}
