package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Function;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.SignatureEvent;

/**
 * Queues the webhooks of a consumed batch in the consumer's own transaction, one statement per batch: the consumers
 * never wait for a receiver, and a webhook is queued if and only if its event was counted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookEvents {

    private final DeliveryOutbox outbox;

    public WebhookEvents(DeliveryOutbox outbox) {
        this.outbox = outbox;
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

    private static <T> List<SignatureEvent> events(List<T> batch, Function<T, SignatureEvent> event) {
        return batch.stream().map(event).toList();
    }
}
