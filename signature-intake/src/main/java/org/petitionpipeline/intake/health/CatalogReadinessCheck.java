package org.petitionpipeline.intake.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.petitionpipeline.intake.service.KnownPetitions;
import org.petitionpipeline.kit.catalog.PetitionCatalog;

/**
 * Not ready until the petition catalog is loaded: before that, real petitions would be unknown. The same flag
 * turns petition requests from 503 into answers, so ready and answering never disagree.
 */
@Readiness
@ApplicationScoped
public class CatalogReadinessCheck implements HealthCheck {

    private final KnownPetitions petitions;
    private final PetitionCatalog catalog;

    public CatalogReadinessCheck(KnownPetitions petitions, PetitionCatalog catalog) {
        this.petitions = petitions;
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("petition catalog")
                .status(petitions.loaded())
                .withData("petitions", catalog.size())
                .build();
    }
}
