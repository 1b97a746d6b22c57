package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The checks every request that writes for a petition passes first, cheapest first: the petition exists and is
 * open, the page that sends it may embed the petition, and the client is within its rate.
 */
@ApplicationScoped
public class PetitionAdmission {

    private final KnownPetitions petitions;
    private final EmbeddingOrigins origins;
    private final RateLimits rateLimits;
    private final IntakeMetrics metrics;

    public PetitionAdmission(KnownPetitions petitions, EmbeddingOrigins origins, RateLimits rateLimits,
            IntakeMetrics metrics) {
        this.petitions = petitions;
        this.origins = origins;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
    }

    public PetitionDefinition admit(String slug, SubmissionContext context) {
        PetitionDefinition petition = openPetition(slug, context.facts().receivedAt());
        if (!origins.allows(context.origin(), petition)) {
            metrics.refused(Refusal.ORIGIN_NOT_ALLOWED);
            throw new ProblemException(Problem.of(403, "Forbidden",
                    "petition '" + slug + "' cannot be signed from " + context.origin()));
        }
        rateLimits.takeForClient(context.facts().clientIp());
        return petition;
    }

    private PetitionDefinition openPetition(String slug, Instant receivedAt) {
        PetitionDefinition petition;
        try {
            petition = petitions.find(slug).orElse(null);
        } catch (ProblemException stillLoading) {
            metrics.refused(Refusal.CATALOG_LOADING);
            throw stillLoading;
        }
        if (petition == null) {
            metrics.refused(Refusal.UNKNOWN_PETITION);
            throw KnownPetitions.unknown(slug);
        }
        if (!petition.isOpenAt(receivedAt)) {
            metrics.refused(Refusal.CLOSED_PETITION);
            throw new ProblemException(Problem.of(410, "Gone", "petition '" + slug + "' is closed"
                    + (petition.endsAt() != null && !receivedAt.isBefore(petition.endsAt())
                            ? ": signing ended at " + petition.endsAt() : "")));
        }
        return petition;
    }
}
