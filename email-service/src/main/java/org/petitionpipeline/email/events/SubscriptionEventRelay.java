package org.petitionpipeline.email.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays recorded subscription changes to the {@code subscriptions} topic, keyed by email hash, in order. */
@ApplicationScoped
public class SubscriptionEventRelay {

    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final OutboxRelay<PendingEvent<SubscriptionChange>> relay;

    public SubscriptionEventRelay(SubscriptionEventRepository events, DataSource dataSource,
            @Channel("subscriptions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8_192)
            MutinyEmitter<SubscriptionChange> emitter) {
        AckedPublisher<SubscriptionChange> publisher = AckedPublisher.keyed(emitter,
                SubscriptionChange::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("subscription changes", events,
                pending -> publisher.publish(pending.stream().map(PendingEvent::event).toList()),
                new AdvisoryLock(dataSource, LockKeys.SUBSCRIPTION_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
