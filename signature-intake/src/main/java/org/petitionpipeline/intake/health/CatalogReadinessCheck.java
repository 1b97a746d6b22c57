package org.petitionpipeline.intake.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.petitionpipeline.kit.catalog.CatalogProgress;
import org.petitionpipeline.kit.catalog.PetitionCatalog;

/** Not ready until the petition catalog is loaded: before that, real petitions would get 404s. */
@Readiness
@ApplicationScoped
public class CatalogReadinessCheck implements HealthCheck {

    private final CatalogProgress progress;
    private final PetitionCatalog catalog;

    public CatalogReadinessCheck(CatalogProgress progress, PetitionCatalog catalog) {
        this.progress = progress;
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("petition catalog")
                .status(progress.isLoaded())
                .withData("petitions", catalog.size())
                .build();
    }
}
