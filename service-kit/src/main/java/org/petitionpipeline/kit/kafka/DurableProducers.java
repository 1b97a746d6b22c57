package org.petitionpipeline.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka producers for events whose sender waits until the broker holds them: acks=all, and idempotent so
 * that the client's own retries write a record once. Services use one where a messaging emitter costs more per
 * record than the work around it (measured in dedup and in intake: an emitter builds a message, its metadata,
 * a Uni and a context snapshot for every record).
 */
public final class DurableProducers {

    private DurableProducers() {
    }

    /**
     * @param kafka    the service's {@code kafka.*} configuration (the {@code default-kafka-broker} map)
     * @param clientId names the producer in the broker's logs and metrics
     * @param settings batching and timeouts of this producer, on top of {@code kafka}
     */
    public static KafkaProducer<String, byte[]> create(Map<String, Object> kafka, String clientId,
            Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(settings);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
