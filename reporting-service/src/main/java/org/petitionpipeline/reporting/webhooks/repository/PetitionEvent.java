package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of a petition (or of a call on it) for the webhook outbox: {@code source} its own id (a replay has the
 * same), {@code orderingKey} what it is ordered with, {@code data} its body (JSON), and {@code signatureId} the
 * signature it concerns, if any (null otherwise).
 */
public record PetitionEvent(String source, String petitionSlug, String orderingKey, Instant occurredAt, String data,
        UUID signatureId) {
}
