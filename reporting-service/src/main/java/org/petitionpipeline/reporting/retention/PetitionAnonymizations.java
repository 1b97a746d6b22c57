package org.petitionpipeline.reporting.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.OptionalInt;
import org.petitionpipeline.reporting.reports.repository.SignerRepository;

/**
 * Anonymizes one petition's signer rows as an erasure would (names, postal code, comment and hash go; petition,
 * region, country and time stay, and no count is touched), and marks the petition anonymized, which is also the
 * {@code petitions.anonymized} event waiting for its relay: all in one transaction.
 */
@ApplicationScoped
public class PetitionAnonymizations {

    private final RetentionRepository retention;
    private final SignerRepository signers;

    public PetitionAnonymizations(RetentionRepository retention, SignerRepository signers) {
        this.retention = retention;
        this.signers = signers;
    }

    /** The number of signer rows anonymized, or empty when another round anonymized the petition first. */
    @Transactional
    public OptionalInt anonymize(String slug, Instant now) {
        if (!retention.claim(slug, now)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(signers.anonymizePetition(slug));
    }
}
