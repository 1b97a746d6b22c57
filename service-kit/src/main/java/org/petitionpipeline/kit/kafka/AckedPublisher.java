package org.petitionpipeline.kit.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a batch of events on Kafka and returns only once the broker holds every one of them; when it does not in
 * time, throws with the broker's failure as the cause, so that {@link Outages} knows an outage and the caller tries
 * the batch again. Every event is handed over first and the acknowledgements awaited together: a batch costs one
 * wait, not one per event. Through a messaging channel (configured {@code acks=all}, idempotent) or a plain
 * {@link DurableProducers} producer where the channel's per-message cost matters.
 */
public final class AckedPublisher<T> {

    private final Function<T, Uni<Void>> send;
    private final Duration timeout;

    private AckedPublisher(Function<T, Uni<Void>> send, Duration timeout) {
        this.send = send;
        this.timeout = timeout;
    }

    /** On the channel's topic, each event under the key {@code key} gives it. */
    public static <T> AckedPublisher<T> keyed(MutinyEmitter<T> emitter, Function<T, String> key, Duration timeout) {
        return messages(emitter, event -> Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key.apply(event)).build()), timeout);
    }

    /** On a channel, each event as the message {@code message} makes of it (its own topic, key and headers). */
    public static <T, V> AckedPublisher<T> messages(MutinyEmitter<V> emitter, Function<T, Message<V>> message,
            Duration timeout) {
        return new AckedPublisher<>(event -> emitter.sendMessage(message.apply(event)), timeout);
    }

    /** Through a plain producer, each event as the record {@code record} makes of it. */
    public static <T> AckedPublisher<T> records(Producer<String, byte[]> producer,
            Function<T, ProducerRecord<String, byte[]>> record, Duration timeout) {
        return new AckedPublisher<>(event -> Uni.createFrom().<Void>emitter(acknowledgement ->
                producer.send(record.apply(event), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledgement.complete(null);
                    } else {
                        acknowledgement.fail(failure);
                    }
                })), timeout);
    }

    public void publish(List<T> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Uni<Void>> acknowledgements = events.stream().map(send).toList();
        Uni.join().all(acknowledgements).andFailFast().await().atMost(timeout);
    }
}
