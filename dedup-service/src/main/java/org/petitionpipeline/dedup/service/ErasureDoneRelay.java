package org.petitionpipeline.dedup.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.dedup.repository.ErasureDoneOutbox;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays recorded erasure announcements to {@code people.erasures.done}, keyed by email hash, after the commit. */
@ApplicationScoped
public class ErasureDoneRelay {

    /** Any fixed number, unique among the database's advisory locks (next to {@link SignatureReviewService}'s). */
    static final long LOCK_KEY = 4_713_002L;
    private static final int BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<ErasureDone> relay;

    public ErasureDoneRelay(ErasureDoneOutbox announcements, DataSource dataSource,
            @Channel("erasures-done") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
            MutinyEmitter<ErasureDone> emitter) {
        AckedPublisher<ErasureDone> publisher = AckedPublisher.keyed(emitter, ErasureDone::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("erasure announcements", announcements, publisher::publish,
                new AdvisoryLock(dataSource, LOCK_KEY), BATCH);
    }

    // delayed: a round at the very start would come before the messaging channels are connected, and fail
    @Scheduled(every = "${dedup.erasure-relay-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
