package org.petitionpipeline.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.reporting.mapping.PetitionMapper;
import org.petitionpipeline.reporting.repository.PetitionRepository;
import org.petitionpipeline.reporting.rest.PetitionRequest;

@ApplicationScoped
public class PetitionService {

    private final PetitionRepository petitions;
    private final PetitionPublisher publisher;
    private final PetitionMapper mapper;

    public PetitionService(PetitionRepository petitions, PetitionPublisher publisher, PetitionMapper mapper) {
        this.petitions = petitions;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    /**
     * Stores a new petition, then publishes it to the catalog topic. Should the publish fail, the petition
     * stays stored and {@link PetitionCatalogRelay} publishes it once the broker is back.
     */
    public PetitionDefinition create(PetitionRequest request) {
        // PostgreSQL keeps microseconds: a finer instant would never equal its stored self (see findUnpublished)
        PetitionDefinition petition = mapper.toNewDefinition(request, Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (!petitions.insert(petition)) {
            throw ProblemException.conflict("a petition with slug '" + petition.slug() + "' already exists");
        }
        try {
            publisher.publish(petition);
        } catch (RuntimeException brokerUnavailable) {
            Log.warnf("petition %s stored; the catalog relay will publish it: %s", petition.slug(),
                    brokerUnavailable.getMessage());
        }
        return petition;
    }

    public List<PetitionDefinition> list() {
        return petitions.findAll();
    }
}
