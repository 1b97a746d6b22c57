package org.petitionpipeline.reporting.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.contracts.http.Problem;
import org.petitionpipeline.reporting.config.ReportingConfig;

/** Guards the organizer API with the configured bearer token; public endpoints need none. */
public class AdminTokenFilter {

    private static final String ADMIN_PATH = "/api/admin/";
    private static final String BEARER = "Bearer ";

    private final byte[] expectedToken;

    public AdminTokenFilter(ReportingConfig config) {
        this.expectedToken = config.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter
    public Response requireAdminToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(ADMIN_PATH)) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER)
                // constant time, so response timing does not leak how much of a guess was right
                && MessageDigest.isEqual(expectedToken,
                        authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        Problem problem = Problem.of(401, "Unauthorized",
                "send the organizer token as 'Authorization: Bearer <token>'");
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }
}
