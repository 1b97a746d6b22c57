package org.petitionpipeline.reporting.access;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the organizer API with the organizer token; public endpoints need none. An organizer logged in to the
 * console may also read (GET) it with the console's cookie, so the console links straight to stats and report
 * downloads. Reads only: the cookie is SameSite=Strict, and every change still needs the bearer token.
 */
public class AdminTokenFilter {

    private static final String ADMIN_API = "/api/admin/";

    private final RoleTokens tokens;
    private final ConsoleSessions sessions;

    public AdminTokenFilter(RoleTokens tokens, ConsoleSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @ServerRequestFilter
    public Response requireAdminToken(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) && request.getUriInfo().getPath().startsWith(ADMIN_API)
                && ConsoleAccessFilter.loggedIn(sessions, request).equals(Optional.of(ConsoleRole.ORGANIZER))) {
            return null;
        }
        return tokens.organizer().refuse(request, ADMIN_API).orElse(null);
    }
}
