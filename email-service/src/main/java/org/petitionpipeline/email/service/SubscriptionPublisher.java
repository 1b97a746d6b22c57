package org.petitionpipeline.email.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;

/** Announces email status changes on the {@code subscriptions} topic, waiting for the broker to hold them. */
@ApplicationScoped
public class SubscriptionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<SubscriptionChange> emitter;

    public SubscriptionPublisher(@Channel("subscriptions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 8_192) MutinyEmitter<SubscriptionChange> emitter) {
        this.emitter = emitter;
    }

    public void publish(Collection<String> emailHashes, SubscriptionStatus status, String source) {
        if (emailHashes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Uni<Void>> acks = emailHashes.stream()
                .map(hash -> emitter.sendMessage(Message.of(
                        new SubscriptionChange(EventSchema.VERSION, hash, status, source, now)).addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder().withKey(hash).build())))
                .toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
    }
}
