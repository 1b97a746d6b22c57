package org.petitionpipeline.email.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.repository.ConsentRepository;
import org.petitionpipeline.email.repository.OutboxRepository;
import org.petitionpipeline.email.repository.PersonRepository;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;

/**
 * Records what accepted signatures mean for mail: the person, their consent evidence, their subscription
 * (and its announcement), and the receipt to send. All of a batch in one transaction, and each step keyed so that a replay adds
 * nothing: no second consent, no second receipt.
 */
@ApplicationScoped
public class SignerRecordingService {

    private final PersonRepository people;
    private final ConsentRepository consents;
    private final OutboxRepository outbox;
    private final SubscriptionEventRepository subscriptionEvents;

    public SignerRecordingService(PersonRepository people, ConsentRepository consents, OutboxRepository outbox,
            SubscriptionEventRepository subscriptionEvents) {
        this.people = people;
        this.consents = consents;
        this.outbox = outbox;
        this.subscriptionEvents = subscriptionEvents;
    }

    @Transactional
    public void record(List<AcceptedSignature> batch) {
        people.upsertSigners(batch);
        List<AcceptedSignature> optedIn = batch.stream()
                .filter(signature -> signature.consent() != null && signature.consent().emailUpdates()).toList();
        if (!optedIn.isEmpty()) {
            Map<String, Instant> newConsents = consents.recordNew(optedIn);
            if (!newConsents.isEmpty()) {
                subscriptionEvents.record(people.subscribe(newConsents), SubscriptionStatus.SUBSCRIBED, "signature");
            }
        }
        outbox.enqueueReceipts(batch);
    }
}
