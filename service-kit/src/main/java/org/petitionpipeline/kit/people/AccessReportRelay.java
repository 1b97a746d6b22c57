package org.petitionpipeline.kit.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Answers a service's recorded access requests ({@link AccessRequestOutbox}) on {@code people.access-reports}
 * (channel {@value #CHANNEL}), keyed by the person's hash, once each, every second.
 */
@IfBuildProperty(name = KitFeatures.ACCESS, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AccessReportRelay {

    public static final String CHANNEL = "access-reports-out";

    // a report carries everything of one person: a few per batch keep a round's records small
    private static final int BATCH = 20;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<AccessReport> relay;

    public AccessReportRelay(AccessRequestOutbox requests, DataSource dataSource,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
            MutinyEmitter<AccessReport> emitter) {
        AckedPublisher<AccessReport> publisher = AckedPublisher.keyed(emitter, AccessReport::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("access reports", requests, publisher::publish,
                new AdvisoryLock(dataSource, requests.relayLockKey()), BATCH);
    }

    // delayed: a round at the very start would come before the messaging channels are connected, and fail
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
