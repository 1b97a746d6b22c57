package org.petitionpipeline.email.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays recorded erasure requests to {@code people.erasures}, keyed by email hash. */
@ApplicationScoped
public class ErasureRelay {

    private static final int BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    /** How long the page behind the signer's link waits for the request to be on its way. */
    private static final Duration RELAY_AT_ONCE = Duration.ofSeconds(2);

    private final OutboxRelay<PersonErasure> relay;

    public ErasureRelay(ErasureRequests requests, DataSource dataSource,
            @Channel("erasures") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_024)
            MutinyEmitter<PersonErasure> emitter) {
        AckedPublisher<PersonErasure> publisher = AckedPublisher.keyed(emitter, PersonErasure::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("erasure requests", requests, publisher::publish,
                new AdvisoryLock(dataSource, LockKeys.ERASURE_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }

    /** Right after a request is recorded: the 60 seconds a person is promised start now, not at the next round. */
    void relayNow() {
        relay.relayWaitingUpTo(RELAY_AT_ONCE);
    }
}
