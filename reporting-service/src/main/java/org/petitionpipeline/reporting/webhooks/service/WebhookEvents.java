package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.PersonEvent;
import org.petitionpipeline.reporting.webhooks.repository.PetitionEvent;
import org.petitionpipeline.reporting.webhooks.repository.SignatureEvent;

/**
 * Queues the webhooks of a consumed batch in the consumer's own transaction, one statement per batch: the consumers
 * never wait for a receiver, and a webhook is queued if and only if its event was recorded. Every event id is made
 * from the event's own id, so a replay queues nothing twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookEvents {

    private final DeliveryOutbox outbox;
    private final WebhookEventBodies bodies;

    public WebhookEvents(DeliveryOutbox outbox, WebhookEventBodies bodies) {
        this.outbox = outbox;
        this.bodies = bodies;
    }

    public void accepted(List<CountedSignature> batch) {
        outbox.enqueue(WebhookEventType.SIGNATURE_ACCEPTED, events(batch, signature -> new SignatureEvent(
                signature.signatureId(), signature.petitionSlug(), signature.emailHash(), signature.acceptedAt())));
    }

    public void verified(List<VerifiedSignature> batch) {
        outbox.enqueue(WebhookEventType.SIGNATURE_VERIFIED, events(batch, signature -> new SignatureEvent(
                signature.signatureId(), signature.petitionSlug(), signature.emailHash(), signature.verifiedAt())));
    }

    public void invalidated(List<InvalidatedSignature> batch) {
        outbox.enqueue(WebhookEventType.SIGNATURE_INVALIDATED, events(batch, signature -> new SignatureEvent(
                signature.signatureId(), signature.petitionSlug(), signature.emailHash(), signature.invalidatedAt())));
    }

    /**
     * Unsubscriptions (spam reports among them) and bounces, each to every organization holding signatures of the
     * person; its id is made of the change itself, which a replay repeats.
     */
    public void subscriptionsChanged(List<SubscriptionChange> batch) {
        outbox.enqueueOfPeople(batch.stream().flatMap(change -> personStatus(change.status())
                .map(status -> new PersonEvent(change.emailHash() + ":" + change.status() + ":" + change.changedAt(),
                        status.type(), change.emailHash(), change.changedAt(), null,
                        bodies.personStatus(status.osdiStatus(), change.changedAt()))).stream()).toList());
    }

    /**
     * Before the erasure empties the person's signer rows (the caller holds the erasure lock): a person.erased to each
     * organization holding the signatures the erasure covers. Queued after the person's earlier events, it keeps its
     * place behind them when the erasure then replaces their hash.
     */
    public void erased(PersonErasure erasure) {
        outbox.enqueueOfPeople(List.of(new PersonEvent(erasure.erasureId().toString(),
                WebhookEventType.PERSON_ERASED, erasure.emailHash(), erasure.requestedAt(), erasure.requestedAt(),
                bodies.erased())));
    }

    /** Each call ordered with its signer's events when it names a signature reporting holds, else on its own. */
    public void called(List<CallReported> batch) {
        outbox.enqueueOfPetitions(WebhookEventType.CALL_REPORTED, events(batch, call -> new PetitionEvent(
                call.reportId().toString(), call.petitionSlug(), "call:" + call.reportId(), call.reportedAt(),
                bodies.call(call), call.submissionId())));
    }

    public void milestonesReached(List<MilestoneReached> reached) {
        outbox.enqueueOfPetitions(WebhookEventType.MILESTONE_REACHED, events(reached, milestone -> new PetitionEvent(
                milestone.petitionSlug() + ":" + milestone.kind() + ":" + milestone.threshold(),
                milestone.petitionSlug(), petitionKey(milestone.petitionSlug()), milestone.reachedAt(),
                bodies.milestone(milestone), null)));
    }

    public void reportsReady(List<ReportReady> ready) {
        outbox.enqueueOfPetitions(WebhookEventType.REPORT_READY, events(ready, report -> new PetitionEvent(
                report.reportId().toString(), report.petitionSlug(), petitionKey(report.petitionSlug()),
                report.generatedAt(), bodies.report(report), null)));
    }

    private static String petitionKey(String slug) {
        return "petition:" + slug;
    }

    /* What a change of email status tells a CRM, in OSDI's words; a (re)subscription tells it nothing. */
    private static Optional<PersonStatusEvent> personStatus(SubscriptionStatus status) {
        return switch (status) {
            case UNSUBSCRIBED -> Optional.of(new PersonStatusEvent(WebhookEventType.PERSON_UNSUBSCRIBED, "unsubscribed"));
            case SPAM_COMPLAINT -> Optional.of(new PersonStatusEvent(WebhookEventType.PERSON_UNSUBSCRIBED,
                    "spam reports"));
            case BOUNCING -> Optional.of(new PersonStatusEvent(WebhookEventType.PERSON_BOUNCED, "bouncing"));
            case SUBSCRIBED -> Optional.empty();
        };
    }

    private record PersonStatusEvent(WebhookEventType type, String osdiStatus) {
    }

    private static <T, E> List<E> events(List<T> batch, Function<T, E> event) {
        return batch.stream().map(event).toList();
    }
}
