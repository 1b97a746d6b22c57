package org.petitionpipeline.email.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.kafka.DurableProducers;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.OutboxRelay;

/**
 * Relays recorded subscription changes to the {@code subscriptions} topic, keyed by email hash, in order. Every
 * signer who opts in makes one, so this is on the path of every second signature under load: a plain producer, not a
 * messaging emitter, whose per-record message, metadata and context snapshot cost more than the relay's own work
 * (profiled with {@code ./run-local.sh bench-receipts}).
 */
@ApplicationScoped
public class SubscriptionEventRelay {

    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectWriter json;
    private final OutboxRelay<PendingEvent<SubscriptionChange>> relay;

    public SubscriptionEventRelay(SubscriptionEventRepository events, DataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json) {
        this.producer = DurableProducers.create(kafka, "email-subscriptions",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
        this.json = json.writerFor(SubscriptionChange.class);
        AckedPublisher<SubscriptionChange> publisher = AckedPublisher.records(producer, this::record, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("subscription changes", events,
                pending -> publisher.publish(pending.stream().map(PendingEvent::event).toList()),
                new AdvisoryLock(dataSource, LockKeys.SUBSCRIPTION_RELAY), BATCH);
    }

    @Scheduled(every = "${email.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }

    private ProducerRecord<String, byte[]> record(SubscriptionChange change) {
        try {
            return new ProducerRecord<>(Topics.SUBSCRIPTIONS, change.emailHash(), json.writeValueAsBytes(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a subscription change", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
