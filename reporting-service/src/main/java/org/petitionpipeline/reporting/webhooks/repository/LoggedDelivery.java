package org.petitionpipeline.reporting.webhooks.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of an endpoint's delivery log: the event, where its delivery stands, and its last attempt (the HTTP status,
 * or the error when no answer came, the time to answer, and the start of what the receiver said).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedDelivery(UUID eventId, String eventType, Instant occurredAt, String status, int attempts,
        Instant lastAttemptAt, Integer lastStatus, Integer latencyMs, String lastError, String responseExcerpt,
        Instant nextAttemptAt) {
}
