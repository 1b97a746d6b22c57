package org.petitionpipeline.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
     * Stores and publishes a new petition. The publish happens inside the transaction: if the broker does not
     * acknowledge, the row is rolled back, so the catalog topic never misses a petition the database has.
     */
    @Transactional
    public PetitionDefinition create(PetitionRequest request) {
        PetitionDefinition petition = mapper.toNewDefinition(request, Instant.now());
        if (!petitions.insert(petition)) {
            throw ProblemException.conflict("a petition with slug '" + petition.slug() + "' already exists");
        }
        publisher.publish(petition);
        return petition;
    }

    public List<PetitionDefinition> list() {
        return petitions.findAll();
    }
}
