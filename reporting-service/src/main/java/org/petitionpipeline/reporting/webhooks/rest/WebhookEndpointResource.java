package org.petitionpipeline.reporting.webhooks.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.webhooks.repository.LoggedDelivery;
import org.petitionpipeline.reporting.webhooks.repository.WebhookEndpoint;
import org.petitionpipeline.reporting.webhooks.service.EndpointSecrets;
import org.petitionpipeline.reporting.webhooks.service.WebhookEndpoints;

/** An organization's webhook endpoints (docs/webhooks.md). */
@Path("/api/admin/organizations/{organization}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    private static final int MAX_LOG = 500;

    private final WebhookEndpoints endpoints;

    public WebhookEndpointResource(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewEndpoint(String url, List<String> eventTypes, Integer batchSize) {
    }

    /** An endpoint as listed; {@code secret} only in the answer that made it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(UUID id, String url, List<String> eventTypes, int batchSize, Instant createdAt,
            Instant failingSince, Instant disabledAt, String disabledReason, String secret) {

        static EndpointView of(WebhookEndpoint endpoint, String secret) {
            return new EndpointView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.batchSize(),
                    endpoint.createdAt(),
                    endpoint.failingSince(), endpoint.disabledAt(), endpoint.disabledReason(), secret);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RotatedSecret(UUID id, String secret, Instant previousSecretValidUntil) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("organization") String organization, NewEndpoint request) {
        WebhookEndpoint endpoint = endpoints.create(organization, request == null ? null : request.url(),
                request == null ? null : request.eventTypes(), request == null ? null : request.batchSize());
        return Response.created(URI.create("/api/admin/organizations/" + organization + "/webhooks/" + endpoint.id()))
                .entity(EndpointView.of(endpoint, endpoint.secrets().current())).build();
    }

    @GET
    public List<EndpointView> list(@PathParam("organization") String organization) {
        return endpoints.list(organization).stream().map(endpoint -> EndpointView.of(endpoint, null)).toList();
    }

    /** The endpoint's delivery log, newest first: {@code limit} lines, at most {@value #MAX_LOG}. */
    @GET
    @Path("{id}/deliveries")
    public List<LoggedDelivery> deliveries(@PathParam("organization") String organization, @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LOG) {
            throw ProblemException.unprocessable("limit must be 1 to " + MAX_LOG, Map.of("limit", "1 to " + MAX_LOG));
        }
        return endpoints.deliveries(organization, id, limit);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestEvent(UUID eventId) {
    }

    /** A {@code webhook.test} event for the endpoint, posted within a poll interval; see it in the delivery log. */
    @POST
    @Path("{id}/test")
    public Response sendTest(@PathParam("organization") String organization, @PathParam("id") UUID id) {
        return Response.accepted(new TestEvent(endpoints.sendTest(organization, id))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("organization") String organization, @PathParam("id") UUID id) {
        endpoints.delete(organization, id);
        return Response.noContent().build();
    }

    /** Enables a disabled endpoint again; 204. */
    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("organization") String organization, @PathParam("id") UUID id) {
        endpoints.enable(organization, id);
        return Response.noContent().build();
    }

    /** A new secret, shown once; the old one keeps signing beside it until {@code previous_secret_valid_until}. */
    @POST
    @Path("{id}/rotate-secret")
    public RotatedSecret rotate(@PathParam("organization") String organization, @PathParam("id") UUID id) {
        EndpointSecrets rotated = endpoints.rotate(organization, id);
        return new RotatedSecret(id, rotated.current(), rotated.previousUntil());
    }
}
