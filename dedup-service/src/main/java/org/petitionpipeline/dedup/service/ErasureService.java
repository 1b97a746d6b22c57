package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.dedup.repository.ErasureRepository;

/**
 * Carries out erasure requests: each person's signatures anonymized, remembered and announced in one transaction
 * (see {@link ErasureRepository}); service-kit's {@code ErasureDoneRelay} publishes the announcement after the commit. A request
 * seen again (at-least-once, a second instance) changes nothing.
 */
@ApplicationScoped
public class ErasureService {

    private final ErasureRepository erasures;
    private final HoldSignals holdSignals;
    private final DedupMetrics metrics;

    public ErasureService(ErasureRepository erasures, HoldSignals holdSignals, DedupMetrics metrics) {
        this.erasures = erasures;
        this.holdSignals = holdSignals;
        this.metrics = metrics;
    }

    public void eraseAll(List<PersonErasure> requests) {
        for (PersonErasure request : requests) {
            int records = erasures.erase(request, Instant.now());
            metrics.erased();
            Log.infof("erasure %s done: %d signatures of person %s anonymized", request.erasureId(), records,
                    request.emailHash());
        }
        // the hold counts name sources (an address, a network, a domain), never a person, and live two windows;
        // deleting older ones now means no count of the person's address outlives them for want of traffic
        holdSignals.forgetExpiredWindows(Instant.now());
    }
}
