package org.petitionpipeline.email.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.email.repository.RelayLock;
import org.petitionpipeline.email.repository.VerificationEventRepository;
import org.petitionpipeline.kit.kafka.AckedPublisher;

/** Relays recorded confirmations to the {@code signatures.verified} topic, keyed like every signature event. */
@ApplicationScoped
public class VerificationEventRelay {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final OutboxRelay<VerifiedSignature> relay;

    public VerificationEventRelay(VerificationEventRepository events, RelayLock relayLock,
            @Channel("signatures-verified") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8_192)
            MutinyEmitter<VerifiedSignature> emitter) {
        this.relay = new OutboxRelay<>("verified signatures", events,
                AckedPublisher.keyed(emitter, VerifiedSignature::key, ACK_TIMEOUT), relayLock, RelayLock.VERIFICATION_RELAY);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
