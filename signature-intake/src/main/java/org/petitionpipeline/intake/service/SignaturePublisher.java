package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.intake.config.IntakeConfig;

/** Hands a signature to Kafka; the returned Uni completes only once the broker acknowledged it (acks=all). */
@ApplicationScoped
public class SignaturePublisher {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final MutinyEmitter<SubmittedSignature> emitter;
    private final IntakeConfig config;
    private final IntakeMetrics metrics;

    public SignaturePublisher(
            @Channel("signatures-submitted") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
            MutinyEmitter<SubmittedSignature> emitter,
            IntakeConfig config, IntakeMetrics metrics) {
        this.emitter = emitter;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> publish(SubmittedSignature signature) {
        Message<SubmittedSignature> message = Message.of(signature).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(signature.key()).build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.kafkaAckTimeout()).fail()
                .onFailure().invoke(() -> metrics.refused(Refusal.KAFKA_UNAVAILABLE))
                .onFailure().transform(notDurable -> ProblemException.unavailable(
                        "we could not record your signature just now; please try again in a moment",
                        RETRY_AFTER_SECONDS));
    }
}
