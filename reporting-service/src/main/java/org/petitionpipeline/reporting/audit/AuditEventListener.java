package org.petitionpipeline.reporting.audit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * The audit entries of the other services ({@code audit.events}), a poll batch per round trip into the one log;
 * replays add nothing (see {@link ReceivedAuditEvents}). One without an action or with an outcome the log does not
 * know goes to {@code audit.events.dlq}.
 */
@ApplicationScoped
public class AuditEventListener {

    private final ReceivedAuditEvents received;
    private final DeadLetterChannel deadLetters;

    public AuditEventListener(ReceivedAuditEvents received, DeadLetterChannel deadLetters) {
        this.received = received;
        this.deadLetters = deadLetters;
    }

    @Incoming("audit-events")
    @Blocking
    public void ingest(ConsumerRecords<String, AuditEvent> records) {
        deadLetters.process(records, received::addNew);
    }
}
