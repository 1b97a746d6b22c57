package org.petitionpipeline.kit.erasure;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Relays a service's {@link ErasureAnnouncements} to {@code people.erasures.done} (channel {@value #CHANNEL}), keyed
 * by email hash. Every second: the minute a person is promised is spent erasing, not waiting for the announcement.
 */
@IfBuildProperty(name = KitFeatures.ERASURE, stringValue = KitFeatures.ON)
@ApplicationScoped
public class ErasureDoneRelay {

    public static final String CHANNEL = "erasures-done-out";

    private static final int BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<ErasureDone> relay;

    public ErasureDoneRelay(ErasureAnnouncements announcements, DataSource dataSource,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
            MutinyEmitter<ErasureDone> emitter) {
        AckedPublisher<ErasureDone> publisher = AckedPublisher.keyed(emitter, ErasureDone::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("erasure announcements", announcements, publisher::publish,
                new AdvisoryLock(dataSource, announcements.relayLockKey()), BATCH);
    }

    // delayed: a round at the very start would come before the messaging channels are connected, and fail
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
