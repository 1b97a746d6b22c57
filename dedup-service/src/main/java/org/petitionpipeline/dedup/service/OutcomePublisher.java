package org.petitionpipeline.dedup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.opentelemetry.context.Context;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.kafka.DurableProducers;
import org.petitionpipeline.kit.tracing.TraceHeaders;

/**
 * Publishes outcomes and returns only when the broker holds every one of them. A plain Kafka producer rather
 * than messaging emitters: a batch of thousands of outcomes is sent as a burst and awaited once (measured: the
 * emitters took more time per batch than the database insert). Each accepted signature goes out twice: whole on
 * {@code signatures.accepted} for email, and as a {@link CountedSignature} for the services that only count.
 */
@ApplicationScoped
public class OutcomePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final AckedPublisher<ProducerRecord<String, byte[]>> publisher;
    private final ObjectWriter acceptedJson;
    private final ObjectWriter countedJson;
    private final ObjectWriter rejectedJson;
    private final ObjectWriter invalidatedJson;
    private final TraceHeaders traceHeaders;

    public OutcomePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json,
            TraceHeaders traceHeaders) {
        this.producer = DurableProducers.create(kafka, "dedup-outcomes",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 131_072));
        this.publisher = AckedPublisher.records(producer, Function.identity(), ACK_TIMEOUT);
        this.acceptedJson = json.writerFor(AcceptedSignature.class);
        this.countedJson = json.writerFor(CountedSignature.class);
        this.rejectedJson = json.writerFor(RejectedSignature.class);
        this.invalidatedJson = json.writerFor(InvalidatedSignature.class);
        this.traceHeaders = traceHeaders;
    }

    public void publish(Outcomes outcomes) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        add(records, Topics.SIGNATURES_ACCEPTED, acceptedJson, outcomes.accepted(), AcceptedSignature::key,
                accepted -> outcomes.traceOf(accepted.signatureId()));
        add(records, Topics.SIGNATURES_COUNTED, countedJson,
                outcomes.accepted().stream().map(CountedSignature::of).toList(), CountedSignature::key,
                counted -> outcomes.traceOf(counted.signatureId()));
        add(records, Topics.SIGNATURES_REJECTED, rejectedJson, outcomes.rejected(), RejectedSignature::key,
                rejected -> outcomes.traceOf(rejected.submissionId()));
        add(records, Topics.SIGNATURES_INVALIDATED, invalidatedJson, outcomes.invalidated(), InvalidatedSignature::key,
                invalidated -> outcomes.traceOf(invalidated.signatureId()));
        publisher.publish(records);
    }

    private <T> void add(List<ProducerRecord<String, byte[]>> records, String topic, ObjectWriter writer,
            List<T> events, Function<T, String> key, Function<T, Context> trace) {
        for (T event : events) {
            ProducerRecord<String, byte[]> record;
            try {
                record = new ProducerRecord<>(topic, key.apply(event), writer.writeValueAsBytes(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write an outcome for " + topic, e);
            }
            traceHeaders.inject(trace.apply(event), record.headers());
            records.add(record);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
