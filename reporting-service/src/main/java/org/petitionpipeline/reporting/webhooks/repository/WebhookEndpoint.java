package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.petitionpipeline.reporting.webhooks.service.EndpointSecrets;

/** A receiver of an organization's webhooks, as stored; {@code batchSize} events at most per POST. */
public record WebhookEndpoint(UUID id, String organization, String url, List<String> eventTypes, int batchSize,
        EndpointSecrets secrets, Instant createdAt, Instant failingSince, Instant disabledAt, String disabledReason) {
}
