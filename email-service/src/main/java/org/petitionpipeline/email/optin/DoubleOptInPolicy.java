package org.petitionpipeline.email.optin;

import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.email.config.DoubleOptIn;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.catalog.PetitionCatalog;

/** Whether a signature counts only once its signer has confirmed the address: by organization rule or petition. */
@ApplicationScoped
public class DoubleOptInPolicy {

    private final PetitionCatalog catalog;
    private final DoubleOptIn rule;

    public DoubleOptInPolicy(PetitionCatalog catalog, EmailConfig config) {
        this.catalog = catalog;
        this.rule = config.doubleOptIn();
    }

    public boolean requiresConfirmation(AcceptedSignature signature) {
        return rule == DoubleOptIn.ALWAYS || catalog.find(signature.petitionSlug())
                .map(PetitionDefinition::verifiedSignaturesOnly).orElse(false);
    }
}
