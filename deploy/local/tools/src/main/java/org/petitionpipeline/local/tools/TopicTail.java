package org.petitionpipeline.local.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of some topics, read from their beginning by one consumer without a group (nothing committed,
 * nothing rebalanced), and kept: a test or a fault run can ask again and again what a topic holds without a new
 * consumer each time. It reconnects by itself after a broker restart on the same address. One thread at a time.
 */
public final class TopicTail implements AutoCloseable {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<ConsumerRecord<String, String>>> records = new HashMap<>();

    public TopicTail(Map<String, Object> connection, List<String> topics) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
            records.put(topic, new ArrayList<>());
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until it holds every record the topics held when called. */
    public TopicTail catchUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read up to " + ends + " within " + CATCH_UP_TIMEOUT);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(record -> records.get(record.topic()).add(record));
        }
        return this;
    }

    /** What was read of a topic so far, in the order of each partition. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        return List.copyOf(records.get(topic));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
