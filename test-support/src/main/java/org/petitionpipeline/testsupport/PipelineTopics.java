package org.petitionpipeline.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.petitionpipeline.contracts.Topics;

/**
 * Creates the pipeline's topics up front: auto-creation would delay the first record by seconds and give
 * the compacted catalog topic the wrong cleanup policy.
 */
public final class PipelineTopics {

    /** Partitions of the signature topics: the unit of consumer parallelism. */
    public static final int SIGNATURE_PARTITIONS = 6;

    private PipelineTopics() {
    }

    public static List<NewTopic> all() {
        NewTopic petitions = new NewTopic(Topics.PETITIONS, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        NewTopic petitionDeadLetters = new NewTopic(Topics.deadLetterOf(Topics.PETITIONS), 1, (short) 1);
        List<NewTopic> signatureTopics = List.of(
                        Topics.SIGNATURES_SUBMITTED, Topics.SIGNATURES_ACCEPTED, Topics.SIGNATURES_REJECTED,
                        Topics.SIGNATURES_INVALIDATED, Topics.SIGNATURES_VERIFIED, Topics.SUBSCRIPTIONS,
                        Topics.PETITIONS_MILESTONES, Topics.CALLS_REPORTED, Topics.REPORTS_READY)
                .stream()
                .flatMap(topic -> List.of(topic, Topics.deadLetterOf(topic)).stream())
                .map(topic -> new NewTopic(topic, SIGNATURE_PARTITIONS, (short) 1))
                .toList();
        return Stream.concat(Stream.of(petitions, petitionDeadLetters), signatureTopics.stream()).toList();
    }

    /**
     * On a loaded machine the admin client may time out a create request the broker went on to carry out, and
     * retry it: the retry then finds the topic there, which is what was wanted.
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

    /** Creates every topic that does not exist yet on the cluster at {@code bootstrapServers}. */
    public static void create(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all().stream().filter(topic -> !existing.contains(topic.name()))
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
