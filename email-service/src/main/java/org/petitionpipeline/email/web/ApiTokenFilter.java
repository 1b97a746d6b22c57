package org.petitionpipeline.email.web;

import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.kit.http.BearerToken;

/**
 * Guards the webhooks with the mail provider's token (a forged bounce report would silence a real person) and
 * the admin API with the organizers' (an update goes to every subscriber of a petition).
 */
public class ApiTokenFilter {

    private final BearerToken webhookToken;
    private final BearerToken adminToken;

    public ApiTokenFilter(@Named(ApiTokens.WEBHOOK) BearerToken webhookToken,
            @Named(ApiTokens.ADMIN) BearerToken adminToken) {
        this.webhookToken = webhookToken;
        this.adminToken = adminToken;
    }

    @ServerRequestFilter
    public Response requireToken(ContainerRequestContext request) {
        return webhookToken.refuse(request, "/api/webhooks/")
                .or(() -> adminToken.refuse(request, "/api/admin/"))
                .orElse(null);
    }
}
