package org.petitionpipeline.reporting.webhooks.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;

/**
 * Gives a head back to webhook subjects left without one ({@link DeliveryOutbox#promoteHeadless()}), every few
 * seconds on every instance: two instances promoting the same row set the same flag, so it needs no lock. Such a
 * subject's webhooks wait at most this long more; without the repair they would wait for ever.
 */
@ApplicationScoped
public class SubjectHeadRepair {

    private final DeliveryOutbox outbox;

    public SubjectHeadRepair(DeliveryOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void repair() {
        try {
            int repaired = outbox.promoteHeadless();
            if (repaired > 0) {
                Log.infof("%d webhook subjects had pending webhooks and none claimable; their oldest is now", repaired);
            }
        } catch (RuntimeException databaseAway) {
            Log.warnf("webhook subject heads are repaired next time: %s", databaseAway.getMessage());
        }
    }
}
