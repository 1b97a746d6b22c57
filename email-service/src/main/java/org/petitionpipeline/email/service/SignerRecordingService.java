package org.petitionpipeline.email.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.repository.ConfirmationRepository;
import org.petitionpipeline.email.repository.ConsentRepository;
import org.petitionpipeline.email.repository.MailKind;
import org.petitionpipeline.email.repository.OutboxRepository;
import org.petitionpipeline.email.repository.PersonRepository;
import org.petitionpipeline.email.repository.SubscriptionEventRepository;

/**
 * Records what accepted signatures mean for mail: the person, their consent evidence, their subscription
 * (and its announcement), and the receipt to send, or, where the signature counts only once confirmed, the
 * confirmation request instead. All of a batch in one transaction, and each step keyed so that a replay adds
 * nothing: no second consent, no second receipt or request.
 */
@ApplicationScoped
public class SignerRecordingService {

    private final PersonRepository people;
    private final ConsentRepository consents;
    private final OutboxRepository outbox;
    private final SubscriptionEventRepository subscriptionEvents;
    private final ConfirmationRepository confirmations;
    private final DoubleOptInPolicy doubleOptIn;
    private final EmailConfig config;

    public SignerRecordingService(PersonRepository people, ConsentRepository consents, OutboxRepository outbox,
            SubscriptionEventRepository subscriptionEvents, ConfirmationRepository confirmations,
            DoubleOptInPolicy doubleOptIn, EmailConfig config) {
        this.people = people;
        this.consents = consents;
        this.outbox = outbox;
        this.subscriptionEvents = subscriptionEvents;
        this.confirmations = confirmations;
        this.doubleOptIn = doubleOptIn;
        this.config = config;
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
        Map<Boolean, List<AcceptedSignature>> byConfirmation = batch.stream()
                .collect(Collectors.partitioningBy(doubleOptIn::requiresConfirmation));
        List<AcceptedSignature> toConfirm = byConfirmation.get(true);
        confirmations.request(toConfirm, config.confirmationReminders(), config.confirmationReminderDelay());
        outbox.enqueue(MailKind.SIGNATURE_CONFIRMATION, toConfirm);
        outbox.enqueue(MailKind.SIGNATURE_RECEIPT, byConfirmation.get(false));
    }
}
