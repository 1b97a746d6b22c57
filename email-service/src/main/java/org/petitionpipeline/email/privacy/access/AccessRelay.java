package org.petitionpipeline.email.privacy.access;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays recorded access requests to {@code people.access-requests}, keyed by email hash. */
@ApplicationScoped
public class AccessRelay {

    private static final int BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    /** How long the page behind the signer's link waits for the request to be on its way. */
    private static final Duration RELAY_AT_ONCE = Duration.ofSeconds(2);

    private final OutboxRelay<AccessRequested> relay;

    public AccessRelay(AccessRequests requests, DataSource dataSource,
            @Channel("access-requests") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_024)
            MutinyEmitter<AccessRequested> emitter) {
        AckedPublisher<AccessRequested> publisher = AckedPublisher.keyed(emitter, AccessRequested::emailHash,
                ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("access requests", requests, publisher::publish,
                new AdvisoryLock(dataSource, LockKeys.ACCESS_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }

    /** Right after a request is recorded: the person is waiting on the page for the other services' parts. */
    void relayNow() {
        relay.relayWaitingUpTo(RELAY_AT_ONCE);
    }
}
