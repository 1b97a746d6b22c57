package org.petitionpipeline.contracts.topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One topic as a cluster must hold it and as the services use it.
 *
 * @param retention how long records are kept; empty for a compacted topic, which keeps each key's latest record
 *                  until a tombstone removes it
 * @param key       what the record key is, in words
 * @param producers the services that write to it
 * @param consumers the services that read it, with their consumer groups
 */
public record TopicDefinition(String name, int partitions, Replication replication, boolean compacted,
        Optional<Duration> retention, String key, Set<Service> producers, List<TopicConsumer> consumers) {

    public TopicDefinition {
        producers = Set.copyOf(producers);
        consumers = List.copyOf(consumers);
    }

    public boolean isProducedBy(Service service) {
        return producers.contains(service);
    }

    public boolean isConsumedBy(Service service) {
        return consumers.stream().anyMatch(consumer -> consumer.service() == service);
    }

    public TopicDefinition withReplication(Replication other) {
        return new TopicDefinition(name, partitions, other, compacted, retention, key, producers, consumers);
    }

    /** The topic-level settings, under Kafka's names (those of a {@code CreateTopics} request or a KafkaTopic). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", compacted ? "compact" : "delete");
        retention.ifPresent(kept -> {
            configs.put("retention.ms", Long.toString(kept.toMillis()));
            // a segment is deleted whole: rolled daily, nothing outlives the retention by more than a day
            configs.put("segment.ms", Long.toString(TopicCatalogue.SEGMENT_ROLL.toMillis()));
        });
        configs.put("min.insync.replicas", Integer.toString(replication.minInSyncReplicas()));
        return configs;
    }
}
