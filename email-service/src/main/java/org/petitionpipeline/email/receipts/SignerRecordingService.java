package org.petitionpipeline.email.receipts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.erasure.ErasedPeople;
import org.petitionpipeline.email.erasure.ErasureLock;
import org.petitionpipeline.email.events.SubscriptionEventRepository;
import org.petitionpipeline.email.i18n.SignerWording;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.MailQueue;
import org.petitionpipeline.email.optin.ConfirmationRepository;
import org.petitionpipeline.email.optin.DoubleOptInPolicy;
import org.petitionpipeline.email.people.ConsentRepository;
import org.petitionpipeline.email.people.PersonRepository;
import org.petitionpipeline.kit.tracing.RecordSpans;
import org.petitionpipeline.kit.tracing.TraceHeaders;

/**
 * Records what accepted signatures mean for mail: the person, their consent evidence, their subscription
 * (and its announcement), and the receipt to send, or, where the signature counts only once confirmed, the
 * confirmation request instead. All of a batch in one transaction, and each step keyed so that a replay adds
 * nothing: no second consent, no second receipt or request. A signature accepted before its signer's data was
 * erased records and mails nothing: it arrives late, and the person asked to be forgotten after it.
 */
@ApplicationScoped
public class SignerRecordingService {

    private final PersonRepository people;
    private final ConsentRepository consents;
    private final MailQueue mailQueue;
    private final SubscriptionEventRepository subscriptionEvents;
    private final ConfirmationRepository confirmations;
    private final DoubleOptInPolicy doubleOptIn;
    private final EmailConfig config;
    private final TraceHeaders traceHeaders;
    private final ErasureLock erasureLock;
    private final ErasedPeople erasedPeople;
    private final SignerWording wording;

    public SignerRecordingService(PersonRepository people, ConsentRepository consents, MailQueue mailQueue,
            SubscriptionEventRepository subscriptionEvents, ConfirmationRepository confirmations,
            DoubleOptInPolicy doubleOptIn, EmailConfig config, TraceHeaders traceHeaders, ErasureLock erasureLock,
            ErasedPeople erasedPeople, SignerWording wording) {
        this.people = people;
        this.consents = consents;
        this.mailQueue = mailQueue;
        this.subscriptionEvents = subscriptionEvents;
        this.confirmations = confirmations;
        this.doubleOptIn = doubleOptIn;
        this.config = config;
        this.traceHeaders = traceHeaders;
        this.erasureLock = erasureLock;
        this.erasedPeople = erasedPeople;
        this.wording = wording;
    }

    /** @param spans the batch's record spans: each queued message keeps its signature's trace context */
    @Transactional
    public void record(List<AcceptedSignature> accepted, RecordSpans<AcceptedSignature> spans) {
        erasureLock.holdShared();
        List<AcceptedSignature> batch = erasedPeople.withoutErased(accepted);
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
        confirmations.request(toConfirm, wording::titleFor, config.confirmationReminders(),
                config.confirmationReminderDelay());
        Function<AcceptedSignature, String> traceparent =
                signature -> traceHeaders.traceparent(spans.contextOf(signature)).orElse(null);
        mailQueue.enqueue(MailKind.SIGNATURE_CONFIRMATION, toConfirm, wording::titleFor, traceparent);
        mailQueue.enqueue(MailKind.SIGNATURE_RECEIPT, byConfirmation.get(false), wording::titleFor, traceparent);
    }
}
