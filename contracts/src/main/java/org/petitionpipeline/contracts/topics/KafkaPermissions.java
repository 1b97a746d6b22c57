package org.petitionpipeline.contracts.topics;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.petitionpipeline.contracts.topics.KafkaGrant.Operation;
import org.petitionpipeline.contracts.topics.KafkaGrant.Resource;

/**
 * What each service may do on the Kafka cluster, read from the topic catalogue: write the topics it produces
 * (dead letters included), read the topics it consumes under its own consumer groups, and nothing else. A leaked
 * credential of one service can then neither forge another's events nor read personal data it never needed.
 * The local secure run creates these as ACLs and the Kubernetes manifests as each service's {@code KafkaUser}.
 */
public final class KafkaPermissions {

    /**
     * Reporting's ops console shows the records in every topic and the lag of every consumer group, so it may
     * describe them all (names and offsets, never a record).
     */
    static final Service OBSERVES_EVERYTHING = Service.REPORTING;

    private static final String PER_INSTANCE = "<instance>";

    private KafkaPermissions() {
    }

    /** The service's grants, one per resource, in a stable order. */
    public static List<KafkaGrant> of(Service service) {
        Map<String, KafkaGrant> grants = new TreeMap<>();
        for (TopicDefinition topic : TopicCatalogue.production()) {
            if (topic.isProducedBy(service)) {
                add(grants, Resource.TOPIC, topic.name(), false, Operation.WRITE, Operation.DESCRIBE);
            }
            if (topic.isConsumedBy(service)) {
                add(grants, Resource.TOPIC, topic.name(), false, Operation.READ, Operation.DESCRIBE);
            }
            if (service == OBSERVES_EVERYTHING) {
                add(grants, Resource.TOPIC, topic.name(), false, Operation.DESCRIBE);
            }
            for (TopicConsumer consumer : topic.consumers()) {
                if (consumer.service() == service) {
                    addGroup(grants, consumer.group(), Operation.READ);
                }
                if (service == OBSERVES_EVERYTHING) {
                    addGroup(grants, consumer.group(), Operation.DESCRIBE);
                }
            }
        }
        return grants.values().stream()
                .sorted(Comparator.comparing(KafkaGrant::resource).thenComparing(KafkaGrant::name))
                .toList();
    }

    /** A group per instance is granted by the prefix before its instance part. */
    private static void addGroup(Map<String, KafkaGrant> grants, String group, Operation operation) {
        int instance = group.indexOf(PER_INSTANCE);
        if (instance < 0) {
            add(grants, Resource.GROUP, group, false, operation);
        } else {
            add(grants, Resource.GROUP, group.substring(0, instance), true, operation);
        }
    }

    private static void add(Map<String, KafkaGrant> grants, Resource resource, String name, boolean prefixed,
            Operation... operations) {
        grants.merge(resource + "/" + name + "/" + prefixed,
                new KafkaGrant(resource, name, prefixed, Set.of(operations)),
                (held, more) -> {
                    Set<Operation> union = EnumSet.copyOf(held.operations());
                    union.addAll(more.operations());
                    return new KafkaGrant(resource, name, prefixed, union);
                });
    }
}
