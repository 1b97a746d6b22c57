package org.petitionpipeline.dedup.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RejectedSignature;

/** Publishes a batch's outcomes and returns only when the broker holds every one of them. */
@ApplicationScoped
public class OutcomePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int BUFFER = 8_192;

    private final MutinyEmitter<AcceptedSignature> accepted;
    private final MutinyEmitter<RejectedSignature> rejected;

    public OutcomePublisher(
            @Channel("signatures-accepted") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
            MutinyEmitter<AcceptedSignature> accepted,
            @Channel("signatures-rejected") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
            MutinyEmitter<RejectedSignature> rejected) {
        this.accepted = accepted;
        this.rejected = rejected;
    }

    public void publish(List<AcceptedSignature> acceptedSignatures, List<RejectedSignature> rejectedSignatures) {
        List<Uni<Void>> acks = new ArrayList<>();
        acceptedSignatures.forEach(signature -> acks.add(accepted.sendMessage(keyed(signature.key(), signature))));
        rejectedSignatures.forEach(signature -> acks.add(rejected.sendMessage(keyed(signature.key(), signature))));
        if (!acks.isEmpty()) {
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }
    }

    private static <T> Message<T> keyed(String key, T event) {
        return Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
