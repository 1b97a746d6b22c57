package org.petitionpipeline.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.intake.config.IntakeConfig;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.kafka.DurableProducers;
import org.petitionpipeline.kit.tracing.TraceHeaders;

/**
 * Hands intake's events to Kafka; each returned Uni completes only once the broker acknowledged the record
 * (acks=all), and fails with a 503 problem when it did not in time. One plain producer for both topics: a
 * messaging emitter per record cost more CPU than anything else intake does for a signature (profiled).
 */
@ApplicationScoped
public class EventPublisher {

    private static final int RETRY_AFTER_SECONDS = 2;
    // past the ack timeout a signer has had their 503; the producer still tries until the delivery timeout
    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int DELIVERY_TIMEOUT_MS = 15_000;
    private static final int MAX_BLOCK_MS = 2_000;

    private final KafkaProducer<String, byte[]> producer;
    // send() blocks while the producer has no metadata for a topic or a full buffer: never on an event loop
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            task -> new Thread(task, "intake-kafka-send"));
    private final ObjectWriter signatureJson;
    private final ObjectWriter callJson;
    private final Duration ackTimeout;
    private final IntakeMetrics metrics;
    private final TraceHeaders traceHeaders;

    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json,
            IntakeConfig config, IntakeMetrics metrics, TraceHeaders traceHeaders) {
        this.producer = DurableProducers.create(kafka, "intake-events", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs(),
                ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchSize(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS));
        this.signatureJson = json.writerFor(SubmittedSignature.class);
        this.callJson = json.writerFor(CallReported.class);
        this.ackTimeout = config.kafkaAckTimeout();
        this.metrics = metrics;
        this.traceHeaders = traceHeaders;
    }

    public Uni<Void> publish(SubmittedSignature signature) {
        return acknowledged(Topics.SIGNATURES_SUBMITTED, signature.key(), signatureJson, signature)
                .onFailure().invoke(() -> metrics.refused(Refusal.KAFKA_UNAVAILABLE))
                .onFailure().transform(notDurable -> ProblemException.unavailable(
                        "we could not record your signature just now; please try again in a moment",
                        RETRY_AFTER_SECONDS));
    }

    public Uni<Void> publish(CallReported call) {
        return acknowledged(Topics.CALLS_REPORTED, call.key(), callJson, call)
                .onFailure().transform(notDurable -> ProblemException.unavailable(
                        "we could not record how your call went just now; please try again in a moment",
                        RETRY_AFTER_SECONDS));
    }

    private Uni<Void> acknowledged(String topic, String key, ObjectWriter writer, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json(writer, event));
        // the request's span, current on this thread and not on the sender's: the event's trace starts there
        traceHeaders.injectCurrent(record.headers());
        // the answer goes on where the request came from: a Vert.x context is not to be resumed from Kafka's thread
        Context requestContext = Vertx.currentContext();
        return Uni.createFrom().<Void>emitter(acknowledgement -> {
            try {
                sender.execute(() -> send(record, acknowledgement, requestContext));
            } catch (RejectedExecutionException shuttingDown) {
                acknowledgement.fail(shuttingDown);
            }
        }).ifNoItem().after(ackTimeout).fail();
    }

    private void send(ProducerRecord<String, byte[]> record, UniEmitter<? super Void> acknowledgement,
            Context requestContext) {
        try {
            producer.send(record, (metadata, failure) -> {
                if (requestContext == null) {
                    complete(acknowledgement, failure);
                } else {
                    requestContext.runOnContext(ignored -> complete(acknowledgement, failure));
                }
            });
        } catch (RuntimeException notSent) {
            acknowledgement.fail(notSent);
        }
    }

    private static void complete(UniEmitter<? super Void> acknowledgement, Exception failure) {
        if (failure == null) {
            acknowledgement.complete(null);
        } else {
            acknowledgement.fail(failure);
        }
    }

    private static byte[] json(ObjectWriter writer, Object event) {
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + event.getClass().getSimpleName(), e);
        }
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
