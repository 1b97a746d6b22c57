package org.petitionpipeline.email.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.email.repository.RelayLock;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;
import org.petitionpipeline.kit.kafka.AckedPublisher;

/** Relays recorded subscription changes to the {@code subscriptions} topic, keyed by email hash, in order. */
@ApplicationScoped
public class SubscriptionEventRelay {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final OutboxRelay<SubscriptionChange> relay;

    public SubscriptionEventRelay(SubscriptionEventRepository events, RelayLock relayLock,
            @Channel("subscriptions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8_192)
            MutinyEmitter<SubscriptionChange> emitter) {
        this.relay = new OutboxRelay<>("subscription changes", events,
                AckedPublisher.keyed(emitter, SubscriptionChange::emailHash, ACK_TIMEOUT), relayLock, RelayLock.SUBSCRIPTION_RELAY);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
