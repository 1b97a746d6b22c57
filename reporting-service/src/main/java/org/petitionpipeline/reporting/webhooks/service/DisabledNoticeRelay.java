package org.petitionpipeline.reporting.webhooks.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;
import org.petitionpipeline.reporting.webhooks.repository.DisabledNotices;

/**
 * Publishes the disabled endpoints on {@code webhooks.disabled}, keyed by organization, after the transaction that
 * disabled them committed: email-service mails the organization's owners.
 */
@ApplicationScoped
public class DisabledNoticeRelay {

    /** Any fixed number, unique among the advisory locks of the database (email's are 4_711_xxx). */
    static final long LOCK_KEY = 4_712_008L;
    private static final int MAX_BATCH = 50;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<WebhookDisabled> relay;

    public DisabledNoticeRelay(DisabledNotices notices, DataSource dataSource,
            @Channel("webhooks-disabled") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
            MutinyEmitter<WebhookDisabled> emitter) {
        AckedPublisher<WebhookDisabled> publisher = AckedPublisher.keyed(emitter, WebhookDisabled::key, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("disabled webhooks", notices, batch -> publish(publisher, batch),
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    @Scheduled(every = "${reporting.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        relay.relay();
    }

    private static void publish(AckedPublisher<WebhookDisabled> publisher, List<WebhookDisabled> batch) {
        publisher.publish(batch);
        batch.forEach(notice -> Log.infof("disabled webhook announced: organization=%s endpoint=%s owners=%d",
                notice.organization(), notice.endpointId(), notice.recipients().size()));
    }
}
