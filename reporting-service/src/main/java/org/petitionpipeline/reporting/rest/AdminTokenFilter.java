package org.petitionpipeline.reporting.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.contracts.http.BearerToken;

/** Guards the organizer API with the configured bearer token; public endpoints need none. */
public class AdminTokenFilter {

    private final BearerToken organizerToken;

    public AdminTokenFilter(BearerToken organizerToken) {
        this.organizerToken = organizerToken;
    }

    @ServerRequestFilter
    public Response requireAdminToken(ContainerRequestContext request) {
        return organizerToken.refuse(request, "/api/admin/").orElse(null);
    }
}
