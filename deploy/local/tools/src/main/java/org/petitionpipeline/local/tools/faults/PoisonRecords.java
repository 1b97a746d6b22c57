package org.petitionpipeline.local.tools.faults;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.TopicTail;
import org.petitionpipeline.testsupport.PipelineTopics;

/**
 * Records no consumer can act on, written straight to each consumer's input topic as a broken or a future
 * producer would: bytes that are no JSON at all, and JSON of a schema version newer than any consumer knows.
 * Each must end on its topic's dead-letter topic once per consumer group that reads the topic, and nothing else
 * may end there.
 */
public final class PoisonRecords {

    /** The signature topics, by how many consumer groups read each (see each service's application.properties). */
    private static final Map<String, Integer> CONSUMER_GROUPS = Map.of(
            Topics.SIGNATURES_SUBMITTED, 1,
            Topics.SIGNATURES_ACCEPTED, 1,
            Topics.SIGNATURES_COUNTED, 1,
            Topics.SIGNATURES_REJECTED, 1,
            Topics.SIGNATURES_INVALIDATED, 1);
    private static final byte[] UNREADABLE = {'{', '"', 's', 'c', 'h', 'e', 'm', 'a', (byte) 0xC3, (byte) 0x28, '{'};
    private static final String FUTURE_SCHEMA = """
            {"schema_version": 99, "submission_id": "%s", "signature_id": "%s", "petition_slug": "%s"}""";

    /** @param deadLetters per dead-letter topic, how many copies of each poison key it must hold */
    record Sent(Map<String, Map<String, Integer>> deadLetters) {
    }

    /** @param expected and found: dead letters, all dead-letter topics together */
    public record Findings(int expected, int found, Map<String, Map<String, Integer>> unexpected,
            Map<String, Map<String, Integer>> missing) {

        public boolean matches() {
            return unexpected.isEmpty() && missing.isEmpty();
        }
    }

    private PoisonRecords() {
    }

    /** Sends two poison records to each consumer's input topic and returns once the broker holds them. */
    static Sent send(Map<String, Object> kafka, String slug) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Map<String, Integer>> deadLetters = new TreeMap<>();
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(kafka, Map.of())) {
            for (Map.Entry<String, Integer> topic : CONSUMER_GROUPS.entrySet()) {
                String unreadableKey = slug + ":poison-unreadable-" + run;
                String futureKey = slug + ":poison-future-" + run;
                UUID id = UUID.randomUUID();
                byte[] future = FUTURE_SCHEMA.formatted(id, id, slug).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic.getKey(), unreadableKey, UNREADABLE)).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(topic.getKey(), futureKey, future)).get(30, TimeUnit.SECONDS);
                deadLetters.put(Topics.deadLetterOf(topic.getKey()),
                        Map.of(unreadableKey, topic.getValue(), futureKey, topic.getValue()));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the poison records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending poison records", e);
        }
        return new Sent(deadLetters);
    }

    /** Every dead-letter topic of the pipeline. */
    static List<String> deadLetterTopics() {
        return PipelineTopics.all().stream().map(topic -> topic.name()).filter(name -> name.endsWith(".dlq")).toList();
    }

    /** Compares what the dead-letter topics hold with what was sent; {@code topics} must be caught up. */
    static Findings check(TopicTail topics, List<Sent> sent) {
        Map<String, Map<String, Integer>> expected = new HashMap<>();
        sent.forEach(poison -> poison.deadLetters().forEach((topic, keys) -> keys.forEach((key, copies) ->
                expected.computeIfAbsent(topic, t -> new HashMap<>()).merge(key, copies, Integer::sum))));
        Map<String, Map<String, Integer>> found = new HashMap<>();
        for (String topic : deadLetterTopics()) {
            for (ConsumerRecord<String, String> record : topics.records(topic)) {
                found.computeIfAbsent(topic, t -> new HashMap<>()).merge(String.valueOf(record.key()), 1, Integer::sum);
            }
        }
        return new Findings(count(expected), count(found), difference(found, expected), difference(expected, found));
    }

    /** What {@code left} holds beyond {@code right}, key by key. */
    private static Map<String, Map<String, Integer>> difference(Map<String, Map<String, Integer>> left,
            Map<String, Map<String, Integer>> right) {
        Map<String, Map<String, Integer>> beyond = new TreeMap<>();
        left.forEach((topic, keys) -> keys.forEach((key, copies) -> {
            int extra = copies - right.getOrDefault(topic, Map.of()).getOrDefault(key, 0);
            if (extra > 0) {
                beyond.computeIfAbsent(topic, t -> new TreeMap<>()).put(key, extra);
            }
        }));
        return beyond;
    }

    private static int count(Map<String, Map<String, Integer>> copies) {
        return copies.values().stream().flatMap(keys -> keys.values().stream()).mapToInt(Integer::intValue).sum();
    }
}
