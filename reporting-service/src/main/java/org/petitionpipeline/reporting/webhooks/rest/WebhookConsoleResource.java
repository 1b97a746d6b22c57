package org.petitionpipeline.reporting.webhooks.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.access.ConsolePages;
import org.petitionpipeline.reporting.webhooks.repository.LoggedDelivery;
import org.petitionpipeline.reporting.webhooks.repository.WebhookEndpoint;
import org.petitionpipeline.reporting.webhooks.service.WebhookEndpoints;

/**
 * An organization's webhook endpoints in the organizer console, each with its latest deliveries, a button that
 * sends it a test event and, when it is disabled, one that enables it again; read and sent as the admin API does ({@link WebhookEndpoints}), so an outsider gets 404.
 */
@Path("/console/organizations/{organization}/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookConsoleResource {

    private static final int LOG_LINES = 20;

    /** An endpoint and its latest deliveries, newest first. */
    public record EndpointLog(WebhookEndpoint endpoint, List<LoggedDelivery> deliveries) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(String organization, List<EndpointLog> endpoints);
    }

    private final WebhookEndpoints endpoints;

    public WebhookConsoleResource(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GET
    public Response page(@PathParam("organization") String organization, HttpHeaders headers) {
        try {
            List<EndpointLog> logs = endpoints.list(organization).stream().map(endpoint -> new EndpointLog(endpoint,
                    endpoints.deliveries(organization, endpoint.id(), LOG_LINES))).toList();
            return Response.ok(Templates.webhooks(organization, logs)).build();
        } catch (ProblemException refused) {
            return ConsolePages.refusal(headers.getAcceptableMediaTypes(), refused);
        }
    }

    @POST
    @Path("/{id}/test")
    public Response sendTest(@PathParam("organization") String organization, @PathParam("id") UUID id,
            HttpHeaders headers) {
        return backToPage(organization, headers, () -> endpoints.sendTest(organization, id));
    }

    /** Owners only, as in the admin API; an editor's click is refused as there. */
    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("organization") String organization, @PathParam("id") UUID id,
            HttpHeaders headers) {
        return backToPage(organization, headers, () -> endpoints.enable(organization, id));
    }

    private static Response backToPage(String organization, HttpHeaders headers, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/console/organizations/" + organization + "/webhooks")).build();
        } catch (ProblemException refused) {
            return ConsolePages.refusal(headers.getAcceptableMediaTypes(), refused);
        }
    }
}
