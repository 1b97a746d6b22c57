package org.petitionpipeline.email.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Mirrors the {@code petitions} topic into memory: which petitions count only confirmed signatures. */
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
