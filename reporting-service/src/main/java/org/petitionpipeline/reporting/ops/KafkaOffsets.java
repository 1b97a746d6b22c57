package org.petitionpipeline.reporting.ops;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.petitionpipeline.kit.kafka.KafkaConnection;

/**
 * Progress of the pipeline read from the broker's bookkeeping, never from the records: end offsets of topics and
 * committed offsets of consumer groups. A handful of admin requests per reading, whatever the traffic.
 */
@ApplicationScoped
public class KafkaOffsets {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;

    public KafkaOffsets(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(KafkaConnection.of(kafka));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-ops-console");
        this.admin = Admin.create(config);
    }

    /** The topics whose names end with {@code suffix}, e.g. every dead-letter topic. */
    public Set<String> topicsEndingWith(String suffix) {
        return await(admin.listTopics().names()).stream().filter(name -> name.endsWith(suffix))
                .collect(Collectors.toSet());
    }

    /** Records ever written to each topic (the sum of its partitions' end offsets); missing topics are left out. */
    public Map<String, Long> recordsIn(Collection<String> topics) {
        Set<String> existing = await(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<TopicPartition, Long> ends = endOffsets(partitionsOf(present));
        Map<String, Long> records = new TreeMap<>();
        present.forEach(topic -> records.put(topic, 0L));
        ends.forEach((partition, end) -> records.merge(partition.topic(), end, Long::sum));
        return records;
    }

    /** Every consumer group with its lag, by group id. */
    public List<ConsumerGroupLag> lagOfEveryGroup() {
        Collection<ConsumerGroupListing> groups = await(admin.listConsumerGroups().all());
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream().collect(Collectors.toMap(
                ConsumerGroupListing::groupId, group -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a, TreeMap::new));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = await(
                admin.listConsumerGroupOffsets(specs).all());
        Map<TopicPartition, Long> ends = endOffsets(committed.values().stream()
                .flatMap(offsets -> offsets.keySet().stream()).collect(Collectors.toSet()));
        List<ConsumerGroupLag> lags = new ArrayList<>();
        for (ConsumerGroupListing group : groups) {
            long lag = committed.getOrDefault(group.groupId(), Map.of()).entrySet().stream()
                    .filter(offset -> offset.getValue() != null && ends.containsKey(offset.getKey()))
                    .mapToLong(offset -> Math.max(0, ends.get(offset.getKey()) - offset.getValue().offset()))
                    .sum();
            lags.add(new ConsumerGroupLag(group.groupId(),
                    group.groupState().map(Object::toString).orElse("Unknown"), lag));
        }
        lags.sort((a, b) -> a.group().compareTo(b.group()));
        return lags;
    }

    private Set<TopicPartition> partitionsOf(Collection<String> topics) {
        if (topics.isEmpty()) {
            return Set.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames());
        return descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    private static <T> T await(KafkaFuture<T> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + (e.getCause() != null ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
