package org.petitionpipeline.intake.messages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.contracts.PetitionDefinition;

/** The language a signer sees a petition in: the one asked for, else the browser's, else the petition's own. */
public final class SignerLanguage {

    private SignerLanguage() {
    }

    public static String of(PetitionDefinition petition, String requested, String acceptLanguage) {
        return Languages.negotiate(requested, acceptLanguage, petition.languages(), petition.language());
    }

    /** The language a form says it was shown in, when the petition is written in it; else the petition's own. */
    public static String shown(PetitionDefinition petition, String answered) {
        return Languages.languageOf(answered).filter(petition.languages()::contains).orElse(petition.language());
    }

    /** Whether intake has its words in {@code language}: English, or a translator's file for it. */
    public static boolean hasWords(String language) {
        return Languages.DEFAULT.equals(language)
                || SignerLanguage.class.getResource("/messages/msg_" + language + ".properties") != null;
    }

    /** Intake's words in {@code language}, or in English where no one has translated them yet. */
    public static IntakeMessages messages(String language) {
        return MessageBundles.get(IntakeMessages.class, Localized.Literal.of(language));
    }

    /** For a Qute template instance's {@code locale}, which picks the message bundle its {@code msg:} keys read. */
    public static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }
}
