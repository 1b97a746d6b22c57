package org.petitionpipeline.email.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts events on a channel's topic, each under its key, and waits until the broker holds them all. */
final class AckedPublisher<T> {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<T> emitter;
    private final Function<T, String> key;

    AckedPublisher(MutinyEmitter<T> emitter, Function<T, String> key) {
        this.emitter = emitter;
        this.key = key;
    }

    void publish(List<T> events) {
        List<Uni<Void>> acks = events.stream()
                .map(event -> emitter.sendMessage(Message.of(event).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(key.apply(event)).build())))
                .toList();
        if (!acks.isEmpty()) {
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }
    }
}
