package org.petitionpipeline.dedup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.kit.kafka.DurableProducers;

/**
 * Publishes outcomes and returns only when the broker holds every one of them. A plain Kafka producer rather
 * than messaging emitters: a batch of thousands of outcomes is sent as a burst and awaited once (measured: the
 * emitters took more time per batch than the database insert).
 */
@ApplicationScoped
public class OutcomePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectWriter acceptedJson;
    private final ObjectWriter rejectedJson;
    private final ObjectWriter invalidatedJson;

    public OutcomePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json) {
        this.producer = DurableProducers.create(kafka, "dedup-outcomes",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 131_072));
        this.acceptedJson = json.writerFor(AcceptedSignature.class);
        this.rejectedJson = json.writerFor(RejectedSignature.class);
        this.invalidatedJson = json.writerFor(InvalidatedSignature.class);
    }

    public void publish(Outcomes outcomes) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        send(sent, Topics.SIGNATURES_ACCEPTED, acceptedJson, outcomes.accepted(), AcceptedSignature::key);
        send(sent, Topics.SIGNATURES_REJECTED, rejectedJson, outcomes.rejected(), RejectedSignature::key);
        send(sent, Topics.SIGNATURES_INVALIDATED, invalidatedJson, outcomes.invalidated(), InvalidatedSignature::key);
        awaitAcknowledgements(sent);
    }

    private <T> void send(List<Future<RecordMetadata>> sent, String topic, ObjectWriter writer, List<T> events,
            Function<T, String> key) {
        for (T event : events) {
            try {
                sent.add(producer.send(new ProducerRecord<>(topic, key.apply(event), writer.writeValueAsBytes(event))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write an outcome for " + topic, e);
            }
        }
    }

    /** A failure keeps its cause, so a broker outage is recognized as one and the batch tried again. */
    private static void awaitAcknowledgements(List<Future<RecordMetadata>> sent) {
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an outcome", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the outcomes within " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
