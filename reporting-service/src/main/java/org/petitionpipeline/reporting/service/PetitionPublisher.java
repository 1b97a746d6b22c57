package org.petitionpipeline.reporting.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.repository.PetitionRepository;

/**
 * Puts petition definitions on the compacted catalog topic, outside any database transaction, and records
 * which version the broker acknowledged.
 */
@ApplicationScoped
public class PetitionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<PetitionDefinition> emitter;
    private final PetitionRepository petitions;

    public PetitionPublisher(@Channel("petitions") MutinyEmitter<PetitionDefinition> emitter,
            PetitionRepository petitions) {
        this.emitter = emitter;
        this.petitions = petitions;
    }

    /**
     * Publishes the petition's current version and waits for the broker's acknowledgement; throws when it does
     * not come in time.
     */
    public void publish(String slug) {
        petitions.publishCurrent(slug, this::send);
    }

    private void send(PetitionDefinition petition) {
        Message<PetitionDefinition> message = Message.of(petition).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(petition.slug()).build());
        emitter.sendMessage(message).await().atMost(ACK_TIMEOUT);
    }
}
