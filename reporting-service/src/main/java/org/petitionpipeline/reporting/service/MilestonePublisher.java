package org.petitionpipeline.reporting.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.MilestoneReached;

/** Puts milestones on {@code petitions.milestones}, keyed by petition, and waits for the broker to hold them. */
@ApplicationScoped
public class MilestonePublisher {

    static final int MAX_BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<MilestoneReached> emitter;

    public MilestonePublisher(@Channel("milestones") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = MAX_BATCH) MutinyEmitter<MilestoneReached> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker acknowledged every milestone; throws when it does not in time. */
    public void publish(List<MilestoneReached> milestones) {
        List<Uni<Void>> acks = milestones.stream().map(MilestonePublisher::toMessage).map(emitter::sendMessage).toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    private static Message<MilestoneReached> toMessage(MilestoneReached milestone) {
        return Message.of(milestone).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(milestone.key()).build());
    }
}
