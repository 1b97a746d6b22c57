package org.petitionpipeline.reporting.webhooks.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;

/**
 * Deletes webhook deliveries that ended longer than {@code reporting.webhooks.log-kept} ago, every hour, on every
 * instance: a delete of rows nobody waits for can run twice without harm, so it needs no lock. A replay of an event
 * older than that could queue its webhook again, with the same id: receivers deduplicate on it.
 */
@ApplicationScoped
public class DeliveryLogCleanup {

    private final DeliveryOutbox outbox;
    private final Clock clock;
    private final Duration kept;

    public DeliveryLogCleanup(DeliveryOutbox outbox, Clock clock, WebhooksConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.kept = config.logKept();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedDeliveries() {
        int forgotten = outbox.forgetEndedBefore(clock.instant().minus(kept));
        if (forgotten > 0) {
            Log.infof("deleted %d ended webhook deliveries", forgotten);
        }
    }
}
