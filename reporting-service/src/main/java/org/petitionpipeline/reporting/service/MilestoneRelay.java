package org.petitionpipeline.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.reporting.repository.MilestoneRepository;

/**
 * Publishes recorded milestones after the transaction that recorded them committed, never inside it: the counting
 * consumer does not wait for the broker, and a broker outage delays milestones without losing them.
 */
@ApplicationScoped
public class MilestoneRelay {

    private final MilestoneRepository milestones;
    private final MilestonePublisher publisher;

    public MilestoneRelay(MilestoneRepository milestones, MilestonePublisher publisher) {
        this.milestones = milestones;
        this.publisher = publisher;
    }

    @Scheduled(every = "${reporting.milestone-relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        try {
            int relayed;
            do {
                relayed = milestones.publishUnpublished(MilestonePublisher.MAX_BATCH, this::publish);
            } while (relayed == MilestonePublisher.MAX_BATCH);
        } catch (RuntimeException brokerOrDatabaseUnavailable) {
            Log.warnf("milestones wait for the next relay: %s", brokerOrDatabaseUnavailable.getMessage());
        }
    }

    private void publish(List<MilestoneReached> batch) {
        publisher.publish(batch);
        batch.forEach(milestone -> Log.infof("milestone published: petition=%s kind=%s threshold=%d total=%d",
                milestone.petitionSlug(), milestone.kind(), milestone.threshold(), milestone.total()));
    }
}
