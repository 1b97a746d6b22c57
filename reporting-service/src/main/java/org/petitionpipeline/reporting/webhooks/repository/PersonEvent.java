package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import org.petitionpipeline.reporting.webhooks.service.WebhookEventType;

/**
 * An event of a person for the webhook outbox: {@code source} its own id (a replay has the same), the person's email
 * hash (which finds their signatures and orders the event, and never leaves), {@code signedBy} the latest signing
 * time of the signatures it concerns (null: all), and {@code data} its body (JSON) without the identifiers, which
 * the outbox adds per organization.
 */
public record PersonEvent(String source, WebhookEventType type, String emailHash, Instant occurredAt,
        Instant signedBy, String data) {
}
