package org.petitionpipeline.email.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.kit.http.BearerToken;

/**
 * Guards the webhooks with the mail provider's token: a forged bounce report would silence a real person. (The admin
 * API takes the pipeline's access tokens: service-kit's AdminApiFilter.)
 */
public class ApiTokenFilter {

    private final BearerToken webhookToken;

    public ApiTokenFilter(BearerToken webhookToken) {
        this.webhookToken = webhookToken;
    }

    @ServerRequestFilter
    public Response requireToken(ContainerRequestContext request) {
        return webhookToken.refuse(request, "/api/webhooks/").orElse(null);
    }
}
