package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.petitionpipeline.contracts.PetitionDefinition;

/** The petitions intake knows, in memory: the signing hot path never touches a database. */
@ApplicationScoped
public class PetitionCatalog {

    private final Map<String, PetitionDefinition> petitions = new ConcurrentHashMap<>();

    public void put(PetitionDefinition petition) {
        petitions.put(petition.slug(), petition);
    }

    public void remove(String slug) {
        petitions.remove(slug);
    }

    public int size() {
        return petitions.size();
    }

    public Optional<PetitionDefinition> find(String slug) {
        return Optional.ofNullable(petitions.get(slug));
    }
}
