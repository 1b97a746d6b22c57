package org.petitionpipeline.email.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.email.repository.PendingSubscriptionEvent;
import org.petitionpipeline.email.repository.RelayLock;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;

/**
 * Relays recorded subscription changes to Kafka, outside any database transaction, one instance at a time
 * and in the order they happened. A crash between the publish and the mark publishes a change twice, which
 * consumers must (and can, by its content) tolerate.
 */
@ApplicationScoped
public class SubscriptionEventRelay {

    private static final int BATCH = 500;

    private final SubscriptionEventRepository events;
    private final SubscriptionPublisher publisher;
    private final RelayLock relayLock;

    public SubscriptionEventRelay(SubscriptionEventRepository events, SubscriptionPublisher publisher,
            RelayLock relayLock) {
        this.events = events;
        this.publisher = publisher;
        this.relayLock = relayLock;
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        Optional<RelayLock.Held> lock = relayLock.tryAcquire(RelayLock.SUBSCRIPTION_RELAY);
        if (lock.isEmpty()) {
            return;
        }
        try (RelayLock.Held held = lock.get()) {
            relayInOrder();
        }
    }

    private void relayInOrder() {
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
