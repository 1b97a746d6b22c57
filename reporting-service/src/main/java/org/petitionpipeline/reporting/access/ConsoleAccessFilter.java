package org.petitionpipeline.reporting.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Opens each console to its own role's login only (see {@link ConsoleRole}); a browser without one gets the login
 * page. Console pages are never cached, framed, or given a referrer.
 */
public class ConsoleAccessFilter {

    private final ConsoleSessions sessions;

    public ConsoleAccessFilter(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** The role of the request's console login, if it carries a valid one. */
    static Optional<ConsoleRole> loggedIn(ConsoleSessions sessions, ContainerRequestContext request) {
        Cookie session = request.getCookies().get(ConsoleSessions.COOKIE);
        return session == null ? Optional.empty() : sessions.roleOf(session.getValue(), Instant.now());
    }

    @ServerRequestFilter
    public Response requireConsoleRole(ContainerRequestContext request) {
        Optional<ConsoleRole> needed = ConsoleRole.guarding(request.getUriInfo().getPath());
        if (needed.isEmpty()) {
            return null;
        }
        Optional<ConsoleRole> role = loggedIn(sessions, request);
        if (role.equals(needed)) {
            return null;
        }
        String detail = role.isPresent()
                ? "you are logged in with the " + role.get().label() + " token; this page needs the "
                        + needed.get().label() + " token (" + needed.get().variable() + ")"
                : "log in with the " + needed.get().label() + " token (" + needed.get().variable() + ") to open this page";
        Response.Status status = role.isPresent() ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED;
        return ConsolePages.refusal(request.getAcceptableMediaTypes(), status,
                ConsoleLoginResource.Templates.login(detail), detail);
    }

    @ServerResponseFilter
    public void keepPagesPrivate(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/console") || path.startsWith("/ops")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().putSingle("Content-Security-Policy", ConsolePages.PAGE_POLICY);
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        }
    }
}
