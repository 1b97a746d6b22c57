package org.petitionpipeline.email.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.repository.PersonRepository;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;

@ApplicationScoped
public class SubscriptionService {

    private final PersonRepository people;
    private final SubscriptionEventRepository subscriptionEvents;

    public SubscriptionService(PersonRepository people, SubscriptionEventRepository subscriptionEvents) {
        this.people = people;
        this.subscriptionEvents = subscriptionEvents;
    }

    /** Unsubscribes at once; idempotent (a second call changes and announces nothing). */
    @Transactional
    public void unsubscribe(String emailHash, String source) {
        if (people.unsubscribe(emailHash)) {
            subscriptionEvents.record(List.of(emailHash), SubscriptionStatus.UNSUBSCRIBED, source);
        }
    }
}
