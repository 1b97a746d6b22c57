package org.petitionpipeline.reporting.petitions;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Puts every petition version the compacted catalog topic has not acknowledged on it, keyed by slug: right after
 * an organizer's change, and on a schedule for those whose publish failed (broker down, crash right after the
 * commit). The database is the source; the topic catches up.
 */
@ApplicationScoped
public class PetitionCatalogRelay {

    /** Any fixed number, unique among the advisory locks of the database (email's are 4_711_xxx). */
    static final long LOCK_KEY = 4_712_003L;
    private static final int MAX_BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    /** How long a change waits for a round another relay is in: rounds take milliseconds unless the broker is away. */
    private static final Duration TURN_WAIT = Duration.ofSeconds(5);

    private final OutboxRelay<PetitionDefinition> relay;

    public PetitionCatalogRelay(PetitionRepository petitions, DataSource dataSource,
            @Channel("petitions") MutinyEmitter<PetitionDefinition> emitter) {
        this.relay = new OutboxRelay<>("petition definitions", petitions,
                AckedPublisher.keyed(emitter, PetitionDefinition::slug, ACK_TIMEOUT)::publish,
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    /** Publishes a change just stored, after what another relay is publishing; on failure the schedule will. */
    public void relayNow() {
        relay.relayWaitingUpTo(TURN_WAIT);
    }

    @Scheduled(every = "${reporting.catalog-relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        relay.relay();
    }
}
