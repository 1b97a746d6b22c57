package org.petitionpipeline.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.repository.PetitionRepository;

/**
 * Publishes every petition version the catalog topic has not acknowledged: those whose first publish failed
 * (broker down, crash right after the commit). The database is the source; the topic catches up.
 */
@ApplicationScoped
public class PetitionCatalogRelay {

    private final PetitionRepository petitions;
    private final PetitionPublisher publisher;

    public PetitionCatalogRelay(PetitionRepository petitions, PetitionPublisher publisher) {
        this.petitions = petitions;
        this.publisher = publisher;
    }

    @Scheduled(every = "${reporting.catalog-relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        for (PetitionDefinition petition : petitions.findUnpublished()) {
            try {
                publisher.publish(petition.slug());
            } catch (RuntimeException brokerUnavailable) {
                Log.warnf("petition %s is not on the catalog topic yet, will retry: %s", petition.slug(),
                        brokerUnavailable.getMessage());
                return;
            }
        }
    }
}
