package org.petitionpipeline.email.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.repository.PersonRepository;

@ApplicationScoped
public class SubscriptionService {

    private final PersonRepository people;
    private final SubscriptionPublisher subscriptions;

    public SubscriptionService(PersonRepository people, SubscriptionPublisher subscriptions) {
        this.people = people;
        this.subscriptions = subscriptions;
    }

    /** Unsubscribes at once; idempotent (a second call changes and announces nothing). */
    @Transactional
    public void unsubscribe(String emailHash, String source) {
        if (people.unsubscribe(emailHash)) {
            subscriptions.publish(List.of(emailHash), SubscriptionStatus.UNSUBSCRIBED, source);
        }
    }
}
