package org.petitionpipeline.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
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
 * (acks=all), and fails with a 503 problem once the producer gave it up ({@link SendBudget}). One plain producer
 * for both topics: a messaging emitter per record cost more CPU than anything else intake does for a signature
 * (profiled).
 */
// created at start: an intake.kafka-ack-timeout too short for the producer's budget stops the start, not a signature
@Startup
@ApplicationScoped
public class EventPublisher {

    private static final int RETRY_AFTER_SECONDS = 2;

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
        Map<String, Object> settings = new HashMap<>(
                SendBudget.within(config.kafkaAckTimeout(), config.producer().lingerMs()).producerSettings());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchSize());
        this.producer = DurableProducers.create(kafka, "intake-events", settings);
        this.signatureJson = json.writerFor(SubmittedSignature.class);
        this.callJson = json.writerFor(CallReported.class);
        this.ackTimeout = config.kafkaAckTimeout();
        this.metrics = metrics;
        this.traceHeaders = traceHeaders;
    }

    public Uni<Void> publish(SubmittedSignature signature) {
        return acknowledged(Topics.SIGNATURES_SUBMITTED, signature.key(), signatureJson, signature)
                .onFailure().invoke(() -> metrics.refused(Refusal.KAFKA_UNAVAILABLE))
                // a request that timed out at the broker may have been written all the same: unconfirmed, not refused
                .onFailure().transform(unconfirmed -> ProblemException.unavailable(
                        "we could not confirm that your signature was recorded; please sign again in a moment: "
                                + "if it was, it still counts only once", RETRY_AFTER_SECONDS));
    }

    public Uni<Void> publish(CallReported call) {
        return acknowledged(Topics.CALLS_REPORTED, call.key(), callJson, call)
                .onFailure().transform(unconfirmed -> ProblemException.unavailable(
                        "we could not confirm that your call report was recorded; please send it again in a moment",
                        RETRY_AFTER_SECONDS));
    }

    private Uni<Void> acknowledged(String topic, String key, ObjectWriter writer, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json(writer, event));
        // the request's span, current on this thread and not on the sender's: the event's trace starts there
        traceHeaders.injectCurrent(record.headers());
        // the answer goes on where the request came from: a Vert.x context is not to be resumed from Kafka's thread
        Context requestContext = Vertx.currentContext();
        long latestStart = System.nanoTime() + SendBudget.START_WINDOW.toNanos();
        // the timeout is a backstop: a record the producer has answers sooner, so what it ends is a record still
        // queued behind a send() that blocks, and that record will not be sent
        return Uni.createFrom().<Void>emitter(acknowledgement -> {
            try {
                sender.execute(() -> send(record, acknowledgement, requestContext, latestStart));
            } catch (RejectedExecutionException shuttingDown) {
                acknowledgement.fail(shuttingDown);
            }
        }).ifNoItem().after(ackTimeout).fail();
    }

    private void send(ProducerRecord<String, byte[]> record, UniEmitter<? super Void> acknowledgement,
            Context requestContext, long latestStart) {
        if (System.nanoTime() - latestStart > 0) {
            // handed over this late, the producer could still deliver it after the request's wait ended in a 503
            acknowledgement.fail(new TimeoutException("waited too long for the sender thread"));
            return;
        }
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
