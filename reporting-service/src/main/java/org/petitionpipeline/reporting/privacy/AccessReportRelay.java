package org.petitionpipeline.reporting.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.people.AccessRequestOutbox;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/** Answers recorded access requests on {@code people.access-reports}, keyed by the person's hash, once each. */
@ApplicationScoped
public class AccessReportRelay {

    /** Any fixed number, unique among the database's advisory locks (reporting's are 4_712_xxx). */
    static final long LOCK_KEY = 4_712_020L;
    // a report carries every signer row of one person: a few per batch keep a round's records small
    private static final int BATCH = 20;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final AccessRequestOutbox requests;
    private final OutboxRelay<AccessReport> relay;

    public AccessReportRelay(SignerRecords signers, DataSource dataSource,
            @Channel("access-reports") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
            MutinyEmitter<AccessReport> emitter) {
        this.requests = new AccessRequestOutbox(dataSource, "reporting.access_request", Service.REPORTING.module(),
                signers);
        AckedPublisher<AccessReport> publisher = AckedPublisher.keyed(emitter, AccessReport::emailHash, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("access reports", requests, publisher::publish,
                new AdvisoryLock(dataSource, LOCK_KEY), BATCH);
    }

    void recordAll(List<AccessRequested> batch) {
        requests.recordAll(batch);
    }

    // delayed: a round at the very start would come before the messaging channels are connected, and fail
    @Scheduled(every = "${reporting.access-relay-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
