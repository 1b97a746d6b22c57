package org.petitionpipeline.kit.identity;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.audit.AuditEvents;
import org.petitionpipeline.kit.http.BearerToken;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Admits a request to {@code /api/admin/} with a valid access token only, records its caller for the resources, and
 * lets {@link AdminApiPolicy} decide what that caller may do there. A refusal goes into the audit log (needs
 * {@code kit.audit.enabled}) before it is answered. Clients get the token from reporting-service
 * ({@code POST /api/auth/token} with their personal API token).
 */
@IfBuildProperty(name = KitFeatures.ADMIN_API, stringValue = KitFeatures.ON)
public class AdminApiFilter {

    static final String ADMIN_API = "/api/admin/";
    /** The action of a refused request, as reporting records its own. */
    static final String ACCESS_DENIED = "access.denied";

    private final AccessTokens tokens;
    private final AdminApiPolicy policy;
    private final CurrentCaller current;
    private final AuditEvents audit;

    public AdminApiFilter(AccessTokens tokens, AdminApiPolicy policy, CurrentCaller current, AuditEvents audit) {
        this.tokens = tokens;
        this.policy = policy;
        this.current = current;
        this.audit = audit;
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
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        current.set(caller.get(), address);
        Optional<AdminApiPolicy.Refusal> refusal = policy.refusal(request.getMethod(), path, caller.get());
        if (refusal.isPresent()) {
            ProblemException answer = refusal.get().answer();
            audit.record(caller.get(), ACCESS_DENIED, refusal.get().organization(), refusal.get().target(),
                    AuditEvent.DENIED, Map.of("status", String.valueOf(answer.getResponse().getStatus()),
                            "method", request.getMethod()), address);
            throw answer;
        }
        return null;
    }
}
