package org.petitionpipeline.reporting.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.contracts.http.Problem;
import org.petitionpipeline.reporting.config.AdminToken;

/** Guards the organizer API with the configured bearer token; public endpoints need none. */
public class AdminTokenFilter {

    private static final String ADMIN_PATH = "/api/admin/";
    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;

    public AdminTokenFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @ServerRequestFilter
    public Response requireAdminToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(ADMIN_PATH)) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER)
                && adminToken.matches(authorization.substring(BEARER.length()))) {
            return null;
        }
        Problem problem = Problem.of(401, "Unauthorized",
                "send the organizer token as 'Authorization: Bearer <token>'");
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }
}
