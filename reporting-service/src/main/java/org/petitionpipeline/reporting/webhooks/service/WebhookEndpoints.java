package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.OrganizationRoles;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.EndpointRepository;
import org.petitionpipeline.reporting.webhooks.repository.LoggedDelivery;
import org.petitionpipeline.reporting.webhooks.repository.WebhookEndpoint;

/**
 * An organization's webhook endpoints: editors and owners read them and their delivery logs, owners add, remove,
 * re-key and re-enable them (an endpoint sends signers' names out of the platform, as an owner's API token could), as
 * {@link OrganizationRoles} checks.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private final EndpointRepository endpoints;
    private final DeliveryOutbox outbox;
    private final ReceiverAddresses receivers;
    private final OrganizationRoles roles;
    private final AuditTrail audit;
    private final Clock clock;
    private final WebhooksConfig config;

    public WebhookEndpoints(EndpointRepository endpoints, DeliveryOutbox outbox, ReceiverAddresses receivers,
            OrganizationRoles roles, AuditTrail audit, Clock clock, WebhooksConfig config) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.receivers = receivers;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** A new endpoint, with its secret: the only time the secret is shown. */
    @Transactional
    public WebhookEndpoint create(String organization, String url, List<String> eventTypes, Integer batchSize) {
        require(organization, OrgRole.OWNER);
        Map<String, String> errors = new LinkedHashMap<>();
        receivers.refusal(url).ifPresent(reason -> errors.put("url", reason));
        List<String> types = eventTypes == null || eventTypes.isEmpty()
                ? Arrays.stream(WebhookEventType.values()).map(WebhookEventType::label).toList()
                : eventTypes.stream().distinct().toList();
        if (types.stream().anyMatch(type -> type == null || WebhookEventType.ofLabel(type).isEmpty())) {
            errors.put("event_types", "any of " + Arrays.stream(WebhookEventType.values())
                    .map(WebhookEventType::label).toList() + ", or none for all");
        }
        int batch = batchSize == null ? 1 : batchSize;
        if (batch < 1 || batch > config.maxBatchSize()) {
            errors.put("batch_size", "events per POST: 1 (one event, as an object) to " + config.maxBatchSize()
                    + " (a JSON array)");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the webhook endpoint cannot be added as sent", errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), organization, url, types, batch,
                new EndpointSecrets(WebhookSignature.newSecret(), null, null), now, null, null, null);
        endpoints.create(endpoint);
        audit.succeeded(AuditAction.WEBHOOK_CREATE, organization, endpoint.id().toString(), Map.of("url", url));
        return endpoint;
    }

    public List<WebhookEndpoint> list(String organization) {
        require(organization, OrgRole.EDITOR);
        return endpoints.of(organization);
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<LoggedDelivery> deliveries(String organization, UUID id, int limit) {
        require(organization, OrgRole.EDITOR);
        requireEndpointOf(organization, id);
        return outbox.latest(id, limit);
    }

    /** Queues a test event for the endpoint, due at once, whatever it subscribes to; its event id. */
    public UUID sendTest(String organization, UUID id) {
        require(organization, OrgRole.EDITOR);
        requireEndpointOf(organization, id);
        UUID eventId = UUID.randomUUID();
        outbox.enqueueTest(id, eventId, WebhookPayloads.TEST_TYPE, clock.instant());
        return eventId;
    }

    @Transactional
    public void delete(String organization, UUID id) {
        require(organization, OrgRole.OWNER);
        if (!endpoints.delete(organization, id)) {
            throw noSuchEndpoint(organization, id);
        }
        audit.succeeded(AuditAction.WEBHOOK_DELETE, organization, id.toString(), Map.of());
    }

    /** A new secret; the replaced one goes on signing beside it for {@code reporting.webhooks.rotation-overlap}. */
    @Transactional
    public EndpointSecrets rotate(String organization, UUID id) {
        require(organization, OrgRole.OWNER);
        String secret = WebhookSignature.newSecret();
        Instant overlapEnds = clock.instant().plus(config.rotationOverlap()).truncatedTo(ChronoUnit.MICROS);
        if (!endpoints.rotate(organization, id, secret, overlapEnds)) {
            throw noSuchEndpoint(organization, id);
        }
        audit.succeeded(AuditAction.WEBHOOK_ROTATE, organization, id.toString(), Map.of());
        return new EndpointSecrets(secret, null, overlapEnds);
    }

    /**
     * A disabled endpoint enabled again (an enabled one stays as it is, its failures forgotten): it gets the events
     * counted from now on, and its webhooks still queued are tried again at their next attempt.
     */
    @Transactional
    public void enable(String organization, UUID id) {
        require(organization, OrgRole.OWNER);
        if (!endpoints.enable(organization, id)) {
            throw noSuchEndpoint(organization, id);
        }
        audit.succeeded(AuditAction.WEBHOOK_ENABLE, organization, id.toString(), Map.of());
    }

    private void require(String organization, OrgRole needed) {
        roles.require(organization, needed, "webhooks");
    }

    private void requireEndpointOf(String organization, UUID id) {
        if (endpoints.find(id).filter(endpoint -> endpoint.organization().equals(organization)).isEmpty()) {
            throw noSuchEndpoint(organization, id);
        }
    }

    private static ProblemException noSuchEndpoint(String organization, UUID id) {
        return ProblemException.notFound("organization '" + organization + "' has no webhook endpoint " + id);
    }
}
