package org.petitionpipeline.intake.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.contracts.kafka.Poison;
import org.petitionpipeline.intake.service.PetitionCatalog;

/**
 * Mirrors the compacted {@code petitions} topic into the in-memory catalog; a tombstone removes a petition,
 * and a definition intake cannot read goes to the dead-letter topic instead of stopping the catalog.
 */
@ApplicationScoped
public class PetitionCatalogListener {

    private final PetitionCatalog catalog;
    private final DeadLetters deadLetters;

    public PetitionCatalogListener(PetitionCatalog catalog, DeadLetters deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Incoming("petitions")
    @Blocking
    public void onPetition(ConsumerRecord<String, PetitionDefinition> record) {
        Optional<String> defect = record.value() == null
                ? DeadLetters.unreadable(record)
                : record.value().defect();
        if (defect.isPresent()) {
            deadLetters.send(List.of(new Poison(record, defect.get())));
        } else if (record.value() == null) {
            catalog.remove(record.key());
        } else {
            catalog.put(record.value());
        }
    }
}
