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
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.EndpointRepository;
import org.petitionpipeline.reporting.webhooks.repository.LoggedDelivery;
import org.petitionpipeline.reporting.webhooks.repository.WebhookEndpoint;

/**
 * An organization's webhook endpoints: editors and owners read them and their delivery logs, owners add, remove and
 * re-key them (an endpoint
 * sends signers' names out of the platform, as an owner's API token could). As for petitions, an organization the
 * caller has no part in is not there for them: 404, and nothing changes.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private static final String TARGET = "webhooks";

    private final EndpointRepository endpoints;
    private final DeliveryOutbox outbox;
    private final ReceiverAddresses receivers;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;
    private final WebhooksConfig config;

    public WebhookEndpoints(EndpointRepository endpoints, DeliveryOutbox outbox, ReceiverAddresses receivers, CurrentCaller caller,
            AuditTrail audit, Clock clock, WebhooksConfig config) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.receivers = receivers;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** A new endpoint, with its secret: the only time the secret is shown. */
    @Transactional
    public WebhookEndpoint create(String organization, String url, List<String> eventTypes) {
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
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the webhook endpoint cannot be added as sent", errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), organization, url, types,
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
        if (endpoints.find(id).filter(endpoint -> endpoint.organization().equals(organization)).isEmpty()) {
            throw noSuchEndpoint(organization, id);
        }
        return outbox.latest(id, limit);
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

    private void require(String organization, OrgRole needed) {
        Caller who = caller.get();
        if (who.may(organization, needed)) {
            return;
        }
        if (who.roleIn(organization).isEmpty()) {
            throw audit.refused(organization, TARGET, ProblemException.notFound("there is no organization '"
                    + organization + "'"));
        }
        throw audit.refused(organization, TARGET, ProblemException.forbidden("your role in organization '"
                + organization + "' is " + who.roleIn(organization).orElseThrow().label() + "; webhooks need "
                + needed.label()));
    }

    private static ProblemException noSuchEndpoint(String organization, UUID id) {
        return ProblemException.notFound("organization '" + organization + "' has no webhook endpoint " + id);
    }
}
