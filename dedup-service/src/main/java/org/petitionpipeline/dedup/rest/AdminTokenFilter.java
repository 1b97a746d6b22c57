package org.petitionpipeline.dedup.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.kit.http.BearerToken;

/** Every dedup API is for ops: all of {@code /api/admin/} needs the ops token. */
public class AdminTokenFilter {

    private final BearerToken opsToken;

    public AdminTokenFilter(BearerToken opsToken) {
        this.opsToken = opsToken;
    }

    @ServerRequestFilter
    public Response requireOpsToken(ContainerRequestContext request) {
        return opsToken.refuse(request, "/api/admin/").orElse(null);
    }
}
