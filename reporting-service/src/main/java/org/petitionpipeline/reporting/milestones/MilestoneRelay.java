package org.petitionpipeline.reporting.milestones;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Publishes recorded milestones on {@code petitions.milestones}, keyed by petition, after the transaction that
 * recorded them committed, never inside it: the counting consumer does not wait for the broker, and a broker outage
 * delays milestones without losing them.
 */
@ApplicationScoped
public class MilestoneRelay {

    /** Any fixed number, unique among the advisory locks of the database (email's are 4_711_xxx). */
    static final long LOCK_KEY = 4_712_001L;
    private static final int MAX_BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<MilestoneReached> relay;

    public MilestoneRelay(MilestoneRepository milestones, DataSource dataSource,
            @Channel("milestones") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
            MutinyEmitter<MilestoneReached> emitter) {
        AckedPublisher<MilestoneReached> publisher = AckedPublisher.keyed(emitter, MilestoneReached::key, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("milestones", milestones, batch -> publish(publisher, batch),
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    @Scheduled(every = "${reporting.milestone-relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        relay.relay();
    }

    private static void publish(AckedPublisher<MilestoneReached> publisher, List<MilestoneReached> batch) {
        publisher.publish(batch);
        batch.forEach(milestone -> Log.infof("milestone published: petition=%s kind=%s threshold=%d total=%d",
                milestone.petitionSlug(), milestone.kind(), milestone.threshold(), milestone.total()));
    }
}
