package org.petitionpipeline.kit.catalog;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;
import org.petitionpipeline.kit.kafka.Poison;

/**
 * The petitions a service knows, in memory, mirrored from the compacted {@code petitions} topic: a hot path
 * never touches a database for them. Each service that needs it reads the topic on its {@value #CHANNEL}
 * channel from the start, with a group of its own per instance, and hands every record to {@link #apply}.
 */
@IfBuildProperty(name = KitFeatures.PETITION_CATALOG, stringValue = KitFeatures.ON)
@ApplicationScoped
public class PetitionCatalog {

    /** The channel every catalog reads the topic on; {@link CatalogProgress} watches its consumer. */
    public static final String CHANNEL = "petitions";

    private final Map<String, PetitionDefinition> petitions = new ConcurrentHashMap<>();
    /** Per partition of the topic, the offset after the last record applied (poison included). */
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();

    /**
     * A definition replaces the petition, a tombstone removes it; a record that cannot be read (or lacks a
     * required field) changes nothing and comes back as poison for the dead-letter topic.
     */
    public Optional<Poison> apply(ConsumerRecord<String, PetitionDefinition> record) {
        Optional<String> defect = record.value() == null
                ? DeadLetterChannel.unreadable(record) : record.value().defect();
        if (defect.isEmpty()) {
            if (record.value() == null) {
                petitions.remove(record.key());
            } else {
                petitions.put(record.value().slug(), record.value());
            }
        }
        nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        applied.incrementAndGet();
        return defect.map(reason -> new Poison(record, reason));
    }

    /**
     * The offset after the last record of {@code partition} this catalog has applied: once it reaches the
     * partition's end offset, every petition written there before is known.
     */
    public long nextOffset(int partition) {
        return nextOffsets.getOrDefault(partition, 0L);
    }

    /** Records applied so far, to tell whether the catalog is still working through fetched records. */
    public long applied() {
        return applied.get();
    }

    public int size() {
        return petitions.size();
    }

    public Optional<PetitionDefinition> find(String slug) {
        return Optional.ofNullable(petitions.get(slug));
    }
}
