package org.petitionpipeline.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;

/**
 * Creates the pipeline's topics up front, as the topic catalogue defines them (for one broker unless told
 * otherwise): auto-creation would delay the first record by seconds and give the compacted catalog topic the
 * wrong cleanup policy.
 */
public final class PipelineTopics {

    /** Partitions of the signature topics: the unit of consumer parallelism. */
    public static final int SIGNATURE_PARTITIONS = TopicCatalogue.SIGNATURE_PARTITIONS;

    private PipelineTopics() {
    }

    public static List<NewTopic> all() {
        return all(TopicCatalogue.singleBroker());
    }

    private static List<NewTopic> all(List<TopicDefinition> catalogue) {
        return catalogue.stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) topic.replication().factor())
                        .configs(topic.configs()))
                .toList();
    }

    /**
     * A request retried by the admin client after a slow answer (a loaded machine) finds its topic made by the
     * first attempt: that topic exists, as wanted.
     */
    private static void awaitCreated(KafkaFuture<Void> created)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            created.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Creates every topic that does not exist yet on the single broker at {@code bootstrapServers}. */
    public static void create(String bootstrapServers) {
        create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), TopicCatalogue.singleBroker());
    }

    /**
     * Creates every topic of {@code catalogue} ({@link TopicCatalogue#production()} for a cluster of three) that
     * does not exist yet, on the cluster a client with {@code connection} reaches (its bootstrap servers, and its
     * SASL and TLS settings when the cluster requires them).
     */
    public static void create(Map<String, Object> connection, List<TopicDefinition> catalogue) {
        Object bootstrapServers = connection.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Map<String, Object> config = new HashMap<>(connection);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all(catalogue).stream().filter(topic -> !existing.contains(topic.name()))
                    .collect(Collectors.toList());
            for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
                awaitCreated(created);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the pipeline topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
