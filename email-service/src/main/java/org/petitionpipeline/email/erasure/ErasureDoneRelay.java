package org.petitionpipeline.email.erasure;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.email.events.PendingEvent;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Relays finished erasures to {@code people.erasures.done}, keyed by the person's email hash. */
@ApplicationScoped
public class ErasureDoneRelay {

    static final String CHANNEL = "erasures-done-out";

    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final OutboxRelay<PendingEvent<ErasureDone>> relay;

    public ErasureDoneRelay(ErasureDoneRepository events, DataSource dataSource,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_024)
            MutinyEmitter<ErasureDone> emitter) {
        AckedPublisher<ErasureDone> publisher = AckedPublisher.keyed(emitter, ErasureDone::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("erasures done", events,
                pending -> publisher.publish(pending.stream().map(PendingEvent::event).toList()),
                new AdvisoryLock(dataSource, LockKeys.ERASURE_DONE_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
