package org.petitionpipeline.email.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.petitionpipeline.email.repository.PendingSubscriptionEvent;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;

/**
 * Relays recorded subscription changes to Kafka, outside any database transaction. A crash between the
 * publish and the mark publishes a change twice, which consumers must (and can, by its content) tolerate.
 */
@ApplicationScoped
public class SubscriptionEventRelay {

    private static final int BATCH = 500;

    private final SubscriptionEventRepository events;
    private final SubscriptionPublisher publisher;

    public SubscriptionEventRelay(SubscriptionEventRepository events, SubscriptionPublisher publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        List<PendingSubscriptionEvent> pending;
        do {
            pending = events.unpublished(BATCH);
            if (pending.isEmpty()) {
                return;
            }
            try {
                publisher.publish(pending.stream().map(PendingSubscriptionEvent::change).toList());
            } catch (RuntimeException brokerUnavailable) {
                Log.warnf("could not relay %d subscription changes, will retry: %s", pending.size(),
                        brokerUnavailable.getMessage());
                return;
            }
            events.markPublished(pending);
        } while (pending.size() == BATCH);
    }
}
