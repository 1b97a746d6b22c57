package org.petitionpipeline.email.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.kit.catalog.PetitionCatalog;

/** In which language a signer is written to about a signature, and the petition's title in it. */
@ApplicationScoped
public class SignerWording {

    private final PetitionCatalog catalog;

    public SignerWording(PetitionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The language the signer saw the form in; a signature without consent, or from before languages, is English. */
    public static String languageOf(AcceptedSignature signature) {
        return signature.consent() == null ? Languages.DEFAULT : signature.consent().language();
    }

    /**
     * The title in the signer's language (the default language's where the petition has no translation of it); the
     * title the signature carries for a petition the catalog does not know.
     */
    public String titleFor(AcceptedSignature signature) {
        return catalog.find(signature.petitionSlug()).map(petition -> petition.in(languageOf(signature)).title())
                .orElse(signature.petitionTitle());
    }
}
