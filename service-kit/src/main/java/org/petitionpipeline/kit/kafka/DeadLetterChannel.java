package org.petitionpipeline.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.Event;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.kit.tracing.RecordSpans;
import org.petitionpipeline.kit.tracing.RecordTracing;

/**
 * The batch consumer's dead letters: a record that can never be processed (unreadable JSON, a newer schema, a
 * missing field) goes to {@code <topic>.dlq}, with its original bytes where it was unreadable, and the headers of
 * {@link DeadLetters} saying where it came from and why. The rest of its batch is processed: one bad record must
 * not stop a consumer.
 *
 * <p>Each service sends through its {@value #CHANNEL} channel, and reads with
 * {@code fail-on-deserialization-failure=false} so that an unreadable record arrives as a null value.
 */
@ApplicationScoped
public class DeadLetterChannel {

    public static final String CHANNEL = "dead-letters";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for a database or broker restart; a longer outage fails the channel and health goes DOWN. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final ObjectMapper json;
    private final AckedPublisher<Poison> publisher;
    private final RecordTracing tracing;

    public DeadLetterChannel(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4_096)
            MutinyEmitter<byte[]> emitter, ObjectMapper json, RecordTracing tracing) {
        this.json = json;
        this.publisher = AckedPublisher.messages(emitter, this::toMessage, ACK_TIMEOUT);
        this.tracing = tracing;
    }

    /**
     * Hands the batch's good events to {@code handler}, then sends its poison to the dead-letter topics. In
     * that order: if the handler fails, the batch is consumed again and its poison is not sent twice. While the
     * database or the broker is away, each step is tried again (see {@link TransientFailures}) rather than
     * failing the channel.
     */
    public <T extends Event> void process(ConsumerRecords<String, T> records, Consumer<List<T>> handler) {
        processTraced(records, (events, spans) -> handler.accept(events));
    }

    /**
     * As {@link #process}, for a handler that carries each event's trace on: it gets the spans of the batch's
     * records ({@code process <topic>}, each the child of the context its record arrived with), to trace what it
     * does for an event under that event's span.
     */
    public <T extends Event> void processTraced(ConsumerRecords<String, T> records,
            BiConsumer<List<T>, RecordSpans<T>> handler) {
        SortedBatch<T> batch = sort(records);
        if (!batch.records().isEmpty()) {
            List<T> events = batch.events();
            RecordSpans<T> spans = tracing.start(batch.records());
            try {
                TransientFailures.retry(() -> handler.accept(events, spans), GIVE_UP_AFTER);
                spans.end(null);
            } catch (RuntimeException givenUp) {
                spans.end(givenUp);
                throw givenUp;
            }
        }
        TransientFailures.retry(() -> send(batch.poison()), GIVE_UP_AFTER);
    }

    <T extends Event> SortedBatch<T> sort(ConsumerRecords<String, T> records) {
        List<ConsumerRecord<String, T>> good = new ArrayList<>(records.count());
        List<Poison> poison = new ArrayList<>();
        for (ConsumerRecord<String, T> record : records) {
            Optional<String> defect = record.value() == null
                    ? Optional.of(unreadable(record).orElse("the record has no value"))
                    : record.value().defect();
            defect.ifPresentOrElse(reason -> poison.add(new Poison(record, reason)), () -> good.add(record));
        }
        return new SortedBatch<>(good, poison);
    }

    /** Why the record's value could not be deserialized, if that is what happened. */
    public static Optional<String> unreadable(ConsumerRecord<?, ?> record) {
        Header reason = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return reason == null ? Optional.empty()
                : Optional.of("unreadable: " + new String(reason.value(), StandardCharsets.UTF_8));
    }

    /** Sends the poison to its dead-letter topics and returns once the broker holds all of it. */
    public void send(List<Poison> poison) {
        publisher.publish(poison);
    }

    private Message<byte[]> toMessage(Poison poison) {
        ConsumerRecord<String, ?> record = poison.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON_HEADER, bytes(poison.reason()));
        headers.add(DeadLetters.TOPIC_HEADER, bytes(record.topic()));
        headers.add(DeadLetters.PARTITION_HEADER, bytes(String.valueOf(record.partition())));
        headers.add(DeadLetters.OFFSET_HEADER, bytes(String.valueOf(record.offset())));
        return Message.of(originalValue(record)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetterOf(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }

    /** The bytes as they arrived when unreadable; otherwise the event as this consumer understood it. */
    private byte[] originalValue(ConsumerRecord<String, ?> record) {
        Header raw = record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        if (raw != null) {
            return raw.value();
        }
        try {
            return record.value() == null ? new byte[0] : json.writeValueAsBytes(record.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dead letter from " + record.topic(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
