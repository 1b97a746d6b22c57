package org.petitionpipeline.reporting.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.kit.kafka.AckedPublisher;

/** Puts milestones on {@code petitions.milestones}, keyed by petition, and waits for the broker to hold them. */
@ApplicationScoped
public class MilestonePublisher {

    static final int MAX_BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final AckedPublisher<MilestoneReached> publisher;

    public MilestonePublisher(@Channel("milestones") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = MAX_BATCH) MutinyEmitter<MilestoneReached> emitter) {
        this.publisher = AckedPublisher.keyed(emitter, MilestoneReached::key, ACK_TIMEOUT);
    }

    /** Returns once the broker acknowledged every milestone; throws when it does not in time. */
    public void publish(List<MilestoneReached> milestones) {
        publisher.publish(milestones);
    }
}
