package org.petitionpipeline.email.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.SubscriptionChange;

/** Puts subscription changes on the {@code subscriptions} topic and waits until the broker holds them all. */
@ApplicationScoped
public class SubscriptionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<SubscriptionChange> emitter;

    public SubscriptionPublisher(@Channel("subscriptions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 8_192) MutinyEmitter<SubscriptionChange> emitter) {
        this.emitter = emitter;
    }

    public void publish(List<SubscriptionChange> changes) {
        List<Uni<Void>> acks = changes.stream()
                .map(change -> emitter.sendMessage(Message.of(change).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(change.emailHash()).build())))
                .toList();
        if (!acks.isEmpty()) {
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }
    }
}
