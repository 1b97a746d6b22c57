package org.petitionpipeline.email.erasure;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.petitionpipeline.contracts.PetitionAnonymized;

/**
 * Follows reporting's retention job: one anonymized petition per transaction, under the erasure lock, so a late
 * batch of its signatures either committed before (and is anonymized here) or waits and finds nothing to mail.
 * Seen again, it changes nothing.
 */
@ApplicationScoped
public class PetitionRetention {

    private final ErasureLock lock;
    private final PetitionDataEraser data;

    public PetitionRetention(ErasureLock lock, PetitionDataEraser data) {
        this.lock = lock;
        this.data = data;
    }

    @Transactional
    public void anonymize(PetitionAnonymized petition) {
        lock.holdExclusive();
        int records = data.erase(petition.petitionSlug());
        Log.infof("petition anonymized: petition=%s rows=%d", petition.petitionSlug(), records);
    }
}
