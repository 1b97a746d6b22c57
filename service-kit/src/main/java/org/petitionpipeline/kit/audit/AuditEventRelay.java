package org.petitionpipeline.kit.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Relays a service's {@link AuditOutbox} to {@code audit.events} (channel {@value #CHANNEL}), keyed by organization
 * ({@link AuditEvent#key()}), so one organization's entries reach the log in the order they were made. Every second:
 * an owner who just acted looks for the entry soon after.
 */
@IfBuildProperty(name = KitFeatures.AUDIT, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AuditEventRelay {

    public static final String CHANNEL = "audit-events-out";

    private static final int BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRelay<AuditEvent> relay;

    public AuditEventRelay(AuditOutbox outbox, DataSource dataSource,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
            MutinyEmitter<AuditEvent> emitter) {
        AckedPublisher<AuditEvent> publisher = AckedPublisher.keyed(emitter, AuditEvent::key, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("audit events", outbox, publisher::publish,
                new AdvisoryLock(dataSource, outbox.relayLockKey()), BATCH);
    }

    // delayed: a round at the very start would come before the messaging channels are connected, and fail
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }
}
