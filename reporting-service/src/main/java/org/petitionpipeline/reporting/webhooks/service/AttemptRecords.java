package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.reporting.webhooks.repository.Delivery;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox.Attempt;
import org.petitionpipeline.reporting.webhooks.repository.DisabledNotices;
import org.petitionpipeline.reporting.webhooks.repository.EndpointRepository;

/** An attempt's outcome and what it tells of its endpoint's health, recorded together or not at all. */
@ApplicationScoped
public class AttemptRecords {

    private final DeliveryOutbox outbox;
    private final EndpointRepository endpoints;
    private final DisabledNotices notices;

    public AttemptRecords(DeliveryOutbox outbox, EndpointRepository endpoints, DisabledNotices notices) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.notices = notices;
    }

    /** The attempt of each delivery a POST carried (one, or a batch's). */
    @Transactional
    public void delivered(UUID endpoint, Map<Delivery, Attempt> attempts) {
        outbox.recordAttempts(attempts);
        endpoints.recordSuccess(endpoint);
    }

    /**
     * Whether this failure disabled the endpoint: it had failed since {@code disableIfFailingSince} or longer. A
     * disabling is recorded for its owners' mail in the same transaction.
     */
    @Transactional
    public boolean failed(UUID endpoint, Map<Delivery, Attempt> attempts, Instant now, Instant disableIfFailingSince,
            String reason) {
        outbox.recordAttempts(attempts);
        boolean disabled = endpoints.recordFailure(endpoint, now, disableIfFailingSince, reason);
        if (disabled) {
            notices.record(endpoint);
        }
        return disabled;
    }
}
