package org.petitionpipeline.email.erasure;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;

/**
 * Carries out one erasure in one transaction: the person's data, their tombstone and the announcement that it is
 * done commit together. Idempotent: a replayed erasure id changes and announces nothing; an older request than one
 * already carried out changes nothing and is announced with 0 records, so that whoever waits for it is answered.
 */
@ApplicationScoped
public class PersonEraser {

    private final ErasureLock lock;
    private final ErasedPeople tombstones;
    private final PersonDataEraser data;
    private final ErasureAnnouncements done;
    private final EmailMetrics metrics;

    public PersonEraser(ErasureLock lock, ErasedPeople tombstones, PersonDataEraser data, ErasureAnnouncements done,
            EmailMetrics metrics) {
        this.lock = lock;
        this.tombstones = tombstones;
        this.data = data;
        this.done = done;
        this.metrics = metrics;
    }

    @Transactional
    public void erase(PersonErasure erasure) {
        lock.holdExclusive();
        if (done.isRecorded(erasure.erasureId())) {
            return;
        }
        int records = tombstones.record(erasure) ? data.erase(erasure.emailHash()) : 0;
        done.record(erasure, records);
        metrics.erasure();
        Log.infof("erasure %s of %s: %d rows removed or anonymized", erasure.erasureId(), erasure.emailHash(),
                records);
    }
}
