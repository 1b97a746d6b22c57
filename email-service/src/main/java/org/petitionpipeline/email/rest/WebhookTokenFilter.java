package org.petitionpipeline.email.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.contracts.http.BearerToken;

/** Guards the webhooks with the configured bearer token: a forged bounce report would silence a real person. */
public class WebhookTokenFilter {

    private final BearerToken webhookToken;

    public WebhookTokenFilter(BearerToken webhookToken) {
        this.webhookToken = webhookToken;
    }

    @ServerRequestFilter
    public Response requireWebhookToken(ContainerRequestContext request) {
        return webhookToken.refuse(request, "/api/webhooks/").orElse(null);
    }
}
