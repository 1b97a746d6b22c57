package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.catalog.CatalogProgress;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The petitions intake answers for. Until the catalog has caught up with the {@code petitions} topic as it was at
 * start, a petition missing from it may well exist, and one present may be an older version of itself: intake then
 * answers 503 + Retry-After for every petition instead of a false 404 (or 410). Readiness keeps a load balancer's
 * traffic away meanwhile, but not a request already on its way, nor a client that reaches the instance directly.
 */
@ApplicationScoped
public class KnownPetitions {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final PetitionCatalog catalog;
    private final CatalogProgress progress;

    public KnownPetitions(PetitionCatalog catalog, CatalogProgress progress) {
        this.catalog = catalog;
        this.progress = progress;
    }

    /** Once true, stays true ({@link CatalogProgress#isLoaded()}). */
    public boolean loaded() {
        return progress.isLoaded();
    }

    /**
     * The petition, or empty when there is none.
     *
     * @throws ProblemException 503 + Retry-After while the catalog is still loading
     */
    public Optional<PetitionDefinition> find(String slug) {
        if (!loaded()) {
            throw stillLoading();
        }
        return catalog.find(slug);
    }

    /**
     * The petition.
     *
     * @throws ProblemException 404 when there is none; 503 + Retry-After while the catalog is still loading
     */
    public PetitionDefinition require(String slug) {
        return find(slug).orElseThrow(() -> unknown(slug));
    }

    /** 503 + Retry-After: what any question about a petition gets until the catalog has caught up. */
    public static ProblemException stillLoading() {
        return ProblemException.unavailable("petitions are still loading after a restart; please try again in a "
                + "moment", RETRY_AFTER_SECONDS);
    }

    public static ProblemException unknown(String slug) {
        return ProblemException.notFound("there is no petition '" + slug + "'");
    }
}
