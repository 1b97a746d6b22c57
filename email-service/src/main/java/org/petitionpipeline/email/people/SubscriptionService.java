package org.petitionpipeline.email.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.events.SubscriptionEventRepository;
import org.petitionpipeline.email.suppression.SuppressionList;

/** Changes a person's status and records the change for the subscriptions topic, in one transaction. */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    private final PersonRepository people;
    private final SubscriptionEventRepository subscriptionEvents;

    public SubscriptionService(PersonRepository people, SubscriptionEventRepository subscriptionEvents) {
        this.people = people;
        this.subscriptionEvents = subscriptionEvents;
    }

    /** Unsubscribes at once; idempotent (a second call changes and announces nothing). */
    public boolean unsubscribe(String emailHash, String source) {
        return change(emailHash, SubscriptionStatus.UNSUBSCRIBED, Instant.now(), source);
    }

    /**
     * Moves the person to {@code status} unless they already hold it or a stronger one; true when it changed
     * (and the change will be published).
     */
    public boolean change(String emailHash, SubscriptionStatus status, Instant changedAt, String source) {
        boolean changed = people.changeStatus(emailHash, status, changedAt, SuppressionList.weakerThan(status));
        if (changed) {
            subscriptionEvents.record(List.of(emailHash), status, source);
        }
        return changed;
    }
}
