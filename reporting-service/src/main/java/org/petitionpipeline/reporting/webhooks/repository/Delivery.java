package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one endpoint, as a worker claimed it. */
public record Delivery(long id, UUID endpointId, UUID eventId, String eventType, UUID signatureId,
        String petitionSlug, Instant occurredAt, int attempts, Instant firstAttemptAt) {
}
