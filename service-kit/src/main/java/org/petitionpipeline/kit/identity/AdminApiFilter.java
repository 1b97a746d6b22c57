package org.petitionpipeline.kit.identity;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.http.BearerToken;

/**
 * Admits a request to {@code /api/admin/} with a valid access token only, records its caller for the resources, and
 * lets {@link AdminApiPolicy} decide what that caller may do there. Clients get the token from reporting-service
 * ({@code POST /api/auth/token} with their personal API token).
 */
@IfBuildProperty(name = KitFeatures.ADMIN_API, stringValue = KitFeatures.ON)
public class AdminApiFilter {

    static final String ADMIN_API = "/api/admin/";

    private final AccessTokens tokens;
    private final AdminApiPolicy policy;
    private final CurrentCaller current;

    public AdminApiFilter(AccessTokens tokens, AdminApiPolicy policy, CurrentCaller current) {
        this.tokens = tokens;
        this.policy = policy;
        this.current = current;
    }

    @ServerRequestFilter
    public Response admit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(ADMIN_API)) {
            return null;
        }
        Optional<Caller> caller = BearerToken.presented(request).flatMap(tokens::callerOf);
        if (caller.isEmpty()) {
            return BearerToken.unauthorized("send an access token as 'Authorization: Bearer <token>': reporting-service "
                    + "issues one at POST /api/auth/token for your personal API token");
        }
        current.set(caller.get(), http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        policy.check(request.getMethod(), path, caller.get());
        return null;
    }
}
