package org.petitionpipeline.email.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays recorded confirmations to the {@code signatures.verified} topic, keyed like every signature event. */
@ApplicationScoped
public class VerificationEventRelay {

    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final OutboxRelay<PendingEvent<VerifiedSignature>> relay;

    public VerificationEventRelay(VerificationEventRepository events, DataSource dataSource,
            @Channel("signatures-verified") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8_192)
            MutinyEmitter<VerifiedSignature> emitter) {
        AckedPublisher<VerifiedSignature> publisher = AckedPublisher.keyed(emitter,
                VerifiedSignature::key, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("verified signatures", events,
                pending -> publisher.publish(pending.stream().map(PendingEvent::event).toList()),
                new AdvisoryLock(dataSource, LockKeys.VERIFICATION_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
