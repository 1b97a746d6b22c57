package org.petitionpipeline.dedup.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The UK Parliament's rule for people who share an address and an email: on a petition that allows it, one
 * email may sign once per person, when the names differ and the postal code is the same.
 */
@ApplicationScoped
public class HouseholdRule {

    /**
     * Who of the household signs: the normalized full name, so "Sam  Doe" and "sam doe" are one person; '' where
     * the rule does not apply (the petition does not allow it, or there is no postal code to match).
     */
    public String memberOf(Candidate candidate) {
        if (!candidate.submitted().householdSignatures() || candidate.postalCode() == null) {
            return "";
        }
        String fullName = candidate.submitted().signer().givenName() + " "
                + Objects.requireNonNullElse(candidate.submitted().signer().familyName(), "");
        return Normalizer.normalize(fullName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }
}
