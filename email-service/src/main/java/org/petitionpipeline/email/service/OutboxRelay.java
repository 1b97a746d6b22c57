package org.petitionpipeline.email.service;

import io.quarkus.logging.Log;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.email.repository.EventOutbox;
import org.petitionpipeline.email.repository.PendingEvent;
import org.petitionpipeline.email.repository.RelayLock;
import org.petitionpipeline.kit.kafka.AckedPublisher;

/**
 * Relays recorded events to Kafka, outside any database transaction, one instance at a time (an advisory lock
 * per outbox) and in the order they were recorded. A crash between the publish and the mark publishes an event
 * twice, which consumers must (and can, by its content) tolerate.
 */
final class OutboxRelay<T> {

    private static final int BATCH = 500;

    private final String what;
    private final EventOutbox<T> outbox;
    private final AckedPublisher<T> publisher;
    private final RelayLock relayLock;
    private final long lockKey;

    OutboxRelay(String what, EventOutbox<T> outbox, AckedPublisher<T> publisher, RelayLock relayLock, long lockKey) {
        this.what = what;
        this.outbox = outbox;
        this.publisher = publisher;
        this.relayLock = relayLock;
        this.lockKey = lockKey;
    }

    void relay() {
        Optional<RelayLock.Held> lock = relayLock.tryAcquire(lockKey);
        if (lock.isEmpty()) {
            return;
        }
        try (RelayLock.Held held = lock.get()) {
            relayInOrder();
        }
    }

    private void relayInOrder() {
        List<PendingEvent<T>> pending;
        do {
            pending = outbox.unpublished(BATCH);
            if (pending.isEmpty()) {
                return;
            }
            try {
                publisher.publish(pending.stream().map(PendingEvent::event).toList());
            } catch (RuntimeException brokerUnavailable) {
                Log.warnf("could not relay %d %s, will retry: %s", pending.size(), what, brokerUnavailable.getMessage());
                return;
            }
            outbox.markPublished(pending);
        } while (pending.size() == BATCH);
    }
}
