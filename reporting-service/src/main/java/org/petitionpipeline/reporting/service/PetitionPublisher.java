package org.petitionpipeline.reporting.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.http.ProblemException;

/** Puts petition definitions on the compacted catalog topic and waits until the broker holds them. */
@ApplicationScoped
public class PetitionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<PetitionDefinition> emitter;

    public PetitionPublisher(@Channel("petitions") MutinyEmitter<PetitionDefinition> emitter) {
        this.emitter = emitter;
    }

    public void publish(PetitionDefinition petition) {
        Message<PetitionDefinition> message = Message.of(petition).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(petition.slug()).build());
        try {
            emitter.sendMessage(message).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException kafkaDidNotAcknowledge) {
            throw ProblemException.unavailable(
                    "the petition catalog could not be updated right now; nothing was changed, try again", 5);
        }
    }
}
