package org.petitionpipeline.kit.catalog;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.KafkaConnection;

/**
 * Whether the in-memory {@link PetitionCatalog} has caught up with the {@code petitions} topic as it was when
 * this instance started. Until it has, a service would take petitions that exist for unknown ones (intake would
 * answer 404), so it must not act on them yet.
 * Caught up means applied, not only fetched: the consumer's position runs ahead of the records the catalog has
 * applied (they wait in the channel's queue), and an instance that said ready in between answered 404 for
 * petitions that exist (seen in a rolling restart under load). Compaction may remove the last records of a
 * partition (a deleted petition's tombstone), so that nothing is left to apply up to the end offset; then the
 * consumer having fetched to the end and the catalog applying nothing more for {@link #QUIET} counts too.
 */
@IfBuildProperty(name = KitFeatures.PETITION_CATALOG, stringValue = KitFeatures.ON)
@ApplicationScoped
public class CatalogProgress {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    static final Duration QUIET = Duration.ofSeconds(5);

    private final Map<String, Object> kafkaConfig;
    private final KafkaClientService kafkaClients;
    private final PetitionCatalog catalog;
    private volatile Map<TopicPartition, Long> endOffsetsAtStart;
    private volatile boolean loaded;
    private Instant quietSince;
    private long appliedWhenQuiet;

    public CatalogProgress(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            KafkaClientService kafkaClients, PetitionCatalog catalog) {
        this.kafkaConfig = kafkaConfig;
        this.kafkaClients = kafkaClients;
        this.catalog = catalog;
    }

    /**
     * Once true, stays true: later lag on the catalog does not make known petitions unknown. Cheap enough for every
     * request: the check behind it asks Kafka (seconds at worst), so only {@link #followLoading()} runs it.
     */
    public boolean isLoaded() {
        return loaded;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void followLoading() {
        if (loaded) {
            return;
        }
        try {
            if (endOffsetsAtStart == null) {
                endOffsetsAtStart = fetchEndOffsets();
            }
            loaded = caughtUp(endOffsetsAtStart);
        } catch (RuntimeException notYetAnswerable) {
            // Kafka not reachable yet, or the consumer not assigned: asked again in a second
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> endOffsets) {
        if (endOffsets.entrySet().stream().allMatch(end -> catalog.nextOffset(end.getKey().partition())
                >= end.getValue())) {
            return true;
        }
        if (!fetchedToTheEnd(endOffsets)) {
            quietSince = null;
            return false;
        }
        if (quietSince == null || catalog.applied() != appliedWhenQuiet) {
            quietSince = Instant.now();
            appliedWhenQuiet = catalog.applied();
            return false;
        }
        return Duration.between(quietSince, Instant.now()).compareTo(QUIET) >= 0;
    }

    private boolean fetchedToTheEnd(Map<TopicPartition, Long> endOffsets) {
        KafkaConsumer<Object, Object> consumer = kafkaClients.getConsumer(PetitionCatalog.CHANNEL);
        if (consumer == null) {
            return false;
        }
        Function<Consumer<Object, Object>, Map<TopicPartition, Long>> positionsOfAssigned = client ->
                client.assignment().stream().collect(Collectors.toMap(partition -> partition, client::position));
        Map<TopicPartition, Long> positions = consumer.runOnPollingThread(positionsOfAssigned)
                .await().atMost(KAFKA_TIMEOUT);
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private Map<TopicPartition, Long> fetchEndOffsets() {
        try (Admin admin = Admin.create(KafkaConnection.of(kafkaConfig))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.PETITIONS)).allTopicNames()
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(Topics.PETITIONS).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(Topics.PETITIONS, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the end offsets of " + Topics.PETITIONS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
