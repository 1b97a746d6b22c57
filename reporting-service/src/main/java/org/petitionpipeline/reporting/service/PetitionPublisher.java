package org.petitionpipeline.reporting.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.reporting.repository.PetitionRepository;

/**
 * Puts petition definitions on the compacted catalog topic, outside any database transaction, and records
 * which version the broker acknowledged.
 */
@ApplicationScoped
public class PetitionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final AckedPublisher<PetitionDefinition> publisher;
    private final PetitionRepository petitions;

    public PetitionPublisher(@Channel("petitions") MutinyEmitter<PetitionDefinition> emitter,
            PetitionRepository petitions) {
        this.publisher = AckedPublisher.keyed(emitter, PetitionDefinition::slug, ACK_TIMEOUT);
        this.petitions = petitions;
    }

    /**
     * Publishes the petition's current version and waits for the broker's acknowledgement; throws when it does
     * not come in time.
     */
    public void publish(String slug) {
        petitions.publishCurrent(slug, petition -> publisher.publish(List.of(petition)));
    }
}
