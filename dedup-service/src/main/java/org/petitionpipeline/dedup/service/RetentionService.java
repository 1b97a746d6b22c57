package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.dedup.repository.RetentionRepository;

/**
 * Follows reporting's retention job: each petition it anonymized has its signatures here anonymized too, counted as
 * before. Seen again (at-least-once, a second instance), it finds nothing left to change.
 */
@ApplicationScoped
public class RetentionService {

    private final RetentionRepository retention;

    public RetentionService(RetentionRepository retention) {
        this.retention = retention;
    }

    public void anonymizeAll(List<PetitionAnonymized> petitions) {
        for (PetitionAnonymized petition : petitions) {
            int records = retention.anonymizePetition(petition.petitionSlug());
            Log.infof("petition anonymized: petition=%s signatures=%d", petition.petitionSlug(), records);
        }
    }
}
