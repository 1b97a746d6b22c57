package org.petitionpipeline.kit.catalog;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Mirrors the compacted {@code petitions} topic into the in-memory catalog; a definition this service cannot read
 * goes to the dead-letter topic instead of stopping the catalog.
 */
@IfBuildProperty(name = KitFeatures.PETITION_CATALOG, stringValue = KitFeatures.ON)
@ApplicationScoped
public class PetitionCatalogListener {

    private final PetitionCatalog catalog;
    private final DeadLetterChannel deadLetters;

    public PetitionCatalogListener(PetitionCatalog catalog, DeadLetterChannel deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Incoming(PetitionCatalog.CHANNEL)
    @Blocking
    public void onPetition(ConsumerRecord<String, PetitionDefinition> record) {
        catalog.apply(record).ifPresent(poison -> deadLetters.send(List.of(poison)));
    }
}
