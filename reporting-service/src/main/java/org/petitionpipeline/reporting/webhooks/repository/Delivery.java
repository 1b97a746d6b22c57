package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint, as a worker claimed it: a signature event names its signature
 * ({@code signatureId}), any other carries its body ({@code data}, JSON).
 */
public record Delivery(long id, UUID endpointId, UUID eventId, String eventType, UUID signatureId,
        String petitionSlug, Instant occurredAt, int attempts, Instant firstAttemptAt, String data) {
}
