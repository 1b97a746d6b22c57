package org.petitionpipeline.intake.messages;

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
        return Languages.languageOf(answered).filter(petition::isWrittenIn).orElse(petition.language());
    }

}
