package org.petitionpipeline.reporting.retention;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Publishes each anonymized petition on {@code petitions.anonymized}, keyed by slug, after the transaction that
 * anonymized it committed. Run at the end of every retention round: an event the broker did not take goes out in the
 * next round.
 */
@ApplicationScoped
public class PetitionAnonymizedRelay {

    /** Any fixed number, unique among the database's advisory locks (reporting's are 4_712_xxx). */
    private static final long LOCK_KEY = 4_712_007L;
    private static final int MAX_BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<PetitionAnonymized> relay;

    public PetitionAnonymizedRelay(RetentionRepository retention, DataSource dataSource,
            @Channel("petitions-anonymized") MutinyEmitter<PetitionAnonymized> emitter) {
        this.relay = new OutboxRelay<>("petition anonymizations", retention,
                AckedPublisher.keyed(emitter, PetitionAnonymized::petitionSlug, ACK_TIMEOUT)::publish,
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    public void relay() {
        relay.relay();
    }
}
