package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.reporting.webhooks.repository.Delivery;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox.Attempt;
import org.petitionpipeline.reporting.webhooks.repository.EndpointRepository;

/** An attempt's outcome and what it tells of its endpoint's health, recorded together or not at all. */
@ApplicationScoped
public class AttemptRecords {

    private final DeliveryOutbox outbox;
    private final EndpointRepository endpoints;

    public AttemptRecords(DeliveryOutbox outbox, EndpointRepository endpoints) {
        this.outbox = outbox;
        this.endpoints = endpoints;
    }

    /** The attempt of each delivery a POST carried (one, or a batch's). */
    @Transactional
    public void delivered(UUID endpoint, Map<Delivery, Attempt> attempts) {
        outbox.recordAttempts(attempts);
        endpoints.recordSuccess(endpoint);
    }

    /** Whether this failure disabled the endpoint: it had failed since {@code disableIfFailingSince} or longer. */
    @Transactional
    public boolean failed(UUID endpoint, Map<Delivery, Attempt> attempts, Instant now, Instant disableIfFailingSince,
            String reason) {
        outbox.recordAttempts(attempts);
        return endpoints.recordFailure(endpoint, now, disableIfFailingSince, reason);
    }
}
