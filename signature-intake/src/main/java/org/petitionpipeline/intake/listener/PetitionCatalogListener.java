package org.petitionpipeline.intake.listener;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.intake.service.PetitionCatalog;

/** Mirrors the compacted {@code petitions} topic into the in-memory catalog; a tombstone removes a petition. */
@ApplicationScoped
public class PetitionCatalogListener {

    private final PetitionCatalog catalog;

    public PetitionCatalogListener(PetitionCatalog catalog) {
        this.catalog = catalog;
    }

    @Incoming("petitions")
    public void onPetition(ConsumerRecord<String, PetitionDefinition> record) {
        if (record.value() == null) {
            catalog.remove(record.key());
        } else {
            catalog.put(record.value());
        }
    }
}
