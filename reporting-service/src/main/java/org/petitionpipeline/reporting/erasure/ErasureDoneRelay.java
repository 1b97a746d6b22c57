package org.petitionpipeline.reporting.erasure;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Announces finished erasures on {@code people.erasures.done}, keyed by the person's hash, after the transaction
 * that erased committed: the requester learns of an erasure only once it cannot be rolled back.
 */
@ApplicationScoped
public class ErasureDoneRelay {

    /** Any fixed number, unique among the advisory locks of the database (email's are 4_711_xxx). */
    static final long LOCK_KEY = 4_712_005L;
    private static final int MAX_BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<ErasureDone> relay;

    public ErasureDoneRelay(ErasureDoneRepository done, DataSource dataSource,
            @Channel("erasures-done") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
            MutinyEmitter<ErasureDone> emitter) {
        AckedPublisher<ErasureDone> publisher = AckedPublisher.keyed(emitter, ErasureDone::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("erasures done", done, publisher::publish,
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    @Scheduled(every = "${reporting.erasure-relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        relay.relay();
    }
}
