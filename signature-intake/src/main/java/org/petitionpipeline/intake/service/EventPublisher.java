package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.intake.config.IntakeConfig;

/**
 * Hands intake's events to Kafka; each returned Uni completes only once the broker acknowledged the record
 * (acks=all), and fails with a 503 problem when it did not in time.
 */
@ApplicationScoped
public class EventPublisher {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final MutinyEmitter<SubmittedSignature> signatures;
    private final MutinyEmitter<CallReported> calls;
    private final IntakeConfig config;
    private final IntakeMetrics metrics;

    public EventPublisher(
            @Channel("signatures-submitted") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
            MutinyEmitter<SubmittedSignature> signatures,
            @Channel("calls-reported") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_024)
            MutinyEmitter<CallReported> calls,
            IntakeConfig config, IntakeMetrics metrics) {
        this.signatures = signatures;
        this.calls = calls;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> publish(SubmittedSignature signature) {
        return acknowledged(signatures, signature.key(), signature)
                .onFailure().invoke(() -> metrics.refused(Refusal.KAFKA_UNAVAILABLE))
                .onFailure().transform(notDurable -> ProblemException.unavailable(
                        "we could not record your signature just now; please try again in a moment",
                        RETRY_AFTER_SECONDS));
    }

    public Uni<Void> publish(CallReported call) {
        return acknowledged(calls, call.key(), call)
                .onFailure().transform(notDurable -> ProblemException.unavailable(
                        "we could not record how your call went just now; please try again in a moment",
                        RETRY_AFTER_SECONDS));
    }

    private <T> Uni<Void> acknowledged(MutinyEmitter<T> emitter, String key, T event) {
        Message<T> message = Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        return emitter.sendMessage(message).ifNoItem().after(config.kafkaAckTimeout()).fail();
    }
}
