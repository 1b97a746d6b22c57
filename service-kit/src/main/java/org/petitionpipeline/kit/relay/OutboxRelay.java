package org.petitionpipeline.kit.relay;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The pipeline's one way from the database to Kafka. A service writes a change and the event announcing it in one
 * transaction (the outbox); after the commit this relay puts the events on their topic, oldest first, and marks
 * them published. Every relay in every service is this class plus an adapter that says which rows
 * ({@link Outbox}) and how they go out (topic, key, value).
 *
 * <ul>
 * <li><b>Order per key.</b> One instance relays an outbox at a time, under an {@link AdvisoryLock}, and each batch
 * is acknowledged before the next is read. Relays working side by side (as with {@code SKIP LOCKED} rows) could
 * put an older change of a key after a newer one; on a compacted topic the older would stay.</li>
 * <li><b>Several instances.</b> Every instance runs the relay on a schedule; the one that gets the lock works, the
 * others skip the round. Only the lock is held while publishing: no open transaction and no locked row, so a
 * writer (a counting batch, an organizer's edit) never waits for the broker.</li>
 * <li><b>A crash between publish and mark</b> publishes those events again. Every consumer is idempotent: each
 * event is recognized by its id or content (a signature id is counted once, a report id mailed once, the
 * compacted catalog keeps the latest definition, a subscription change or a milestone seen twice changes nothing).</li>
 * <li><b>Broker or database away:</b> the round ends with a warning and the next one starts again from the
 * oldest unpublished event; nothing is lost, nothing skipped.</li>
 * </ul>
 */
public final class OutboxRelay<E> {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    private final String what;
    private final Outbox<E> outbox;
    private final Consumer<List<E>> publish;
    private final AdvisoryLock lock;
    private final int batchSize;

    /**
     * @param what      the events, in the plural, for the log ("milestones")
     * @param publish   puts a batch on its topic and returns once the broker holds all of it (an
     *                  {@link org.petitionpipeline.kit.kafka.AckedPublisher}); throws otherwise
     * @param batchSize the most events read, published and marked at once
     */
    public OutboxRelay(String what, Outbox<E> outbox, Consumer<List<E>> publish, AdvisoryLock lock, int batchSize) {
        this.what = what;
        this.outbox = outbox;
        this.publish = publish;
        this.lock = lock;
        this.batchSize = batchSize;
    }

    /** A scheduled round: relays everything unpublished, or nothing when another instance is at it. */
    public void relay() {
        relayHolding(lock::tryAcquire);
    }

    /**
     * For whoever just committed an event and wants it out before answering: waits up to {@code wait} for a round
     * another relay is in to end, then relays (the event may already be out by then).
     */
    public void relayWaitingUpTo(Duration wait) {
        relayHolding(() -> lock.acquire(wait));
    }

    private void relayHolding(Supplier<Optional<AdvisoryLock.Held>> acquire) {
        try {
            Optional<AdvisoryLock.Held> held = acquire.get();
            if (held.isPresent()) {
                try (AdvisoryLock.Held relaying = held.get()) {
                    relayInOrder();
                }
            }
        } catch (RuntimeException brokerOrDatabaseAway) {
            LOG.log(System.Logger.Level.WARNING,
                    what + " wait for the next relay: " + brokerOrDatabaseAway.getMessage());
        }
    }

    private void relayInOrder() {
        List<E> pending;
        do {
            pending = outbox.unpublished(batchSize);
            if (pending.isEmpty()) {
                return;
            }
            publish.accept(pending);
            outbox.markPublished(pending);
        } while (pending.size() == batchSize);
    }
}
