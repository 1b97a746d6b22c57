package org.petitionpipeline.reporting.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.access.ConsoleSessions.ConsoleSession;
import org.petitionpipeline.reporting.identity.AccountRepository;

/**
 * Finds the console session of each console request and opens each console to the logins it is for: a person's
 * login opens the organizer console (showing what their roles allow), and the ops console if they are a platform
 * operator; a login with one of the deployment's tokens opens that token's console only (see {@link ConsoleRole}).
 * A browser without a login gets the login page. Console pages are never cached or framed, and other sites get no
 * referrer from them.
 */
public class ConsoleAccessFilter {

    private final ConsoleSessions sessions;
    private final AccountRepository accounts;
    private final ConsoleRequest console;
    private final CurrentCaller current;
    private final Clock clock;

    public ConsoleAccessFilter(ConsoleSessions sessions, AccountRepository accounts, ConsoleRequest console,
            CurrentCaller current, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.console = console;
        this.current = current;
        this.clock = clock;
    }

    /** A live console session and who it stands for. */
    record Login(ConsoleSession session, Caller caller) {

        /** Whether this login opens the console of {@code role}. */
        boolean opens(ConsoleRole role) {
            if (session.legacyRole() != null) {
                return session.legacyRole() == role;
            }
            return role == ConsoleRole.ORGANIZER || caller.platformOperator();
        }
    }

    /** The live session the request's cookie holds; empty without one, or when its account was disabled since. */
    static Optional<Login> loggedIn(ConsoleSessions sessions, AccountRepository accounts, Clock clock,
            ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
        Optional<ConsoleSession> session = cookie == null ? Optional.empty()
                : sessions.find(cookie.getValue(), clock.instant());
        return session.flatMap(live -> (live.legacyRole() != null ? Optional.of(live.legacyRole().caller())
                : accounts.caller(live.accountId())).map(caller -> new Login(live, caller)));
    }

    /* Before the CSRF check (ConsoleCsrfFilter), which compares with this request's session. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response requireConsoleLogin(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!ConsoleRole.isConsolePath(path)) {
            return null;
        }
        Optional<Login> login = loggedIn(sessions, accounts, clock, request);
        login.ifPresent(found -> {
            console.set(found.session(), found.caller());
            current.set(found.caller(), AdminAccessFilter.addressOf(http));
        });
        Optional<ConsoleRole> needed = ConsoleRole.guarding(path);
        if (needed.isEmpty() || login.map(found -> found.opens(needed.get())).orElse(false)) {
            return null;
        }
        if (login.isEmpty()) {
            return ConsoleLoginResource.loginPage(request.getCookies(), request.getUriInfo(),
                    request.getAcceptableMediaTypes(), Response.Status.UNAUTHORIZED,
                    "log in with your email address and password, or with the " + needed.get().label() + " token ("
                            + needed.get().variable() + "), to open this page");
        }
        ConsoleRole legacy = login.get().session().legacyRole();
        String detail = legacy != null
                ? "you are logged in with the " + legacy.label() + " token; this page needs the "
                        + needed.get().label() + " token (" + needed.get().variable() + ")"
                : "the ops console is for platform operators, and your account is none";
        return ConsolePages.refusal(request.getAcceptableMediaTypes(), Response.Status.FORBIDDEN, detail);
    }

    @ServerResponseFilter
    public void keepPagesPrivate(ContainerRequestContext request, ContainerResponseContext response) {
        if (ConsoleRole.isConsolePath(request.getUriInfo().getPath())) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().putSingle("Content-Security-Policy", ConsolePages.PAGE_POLICY);
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
            // no other site learns a console address; same-origin (not no-referrer), so that the browser names this
            // site as the Origin of the console's own forms, which ConsoleCsrfFilter checks ("null" otherwise)
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        }
    }
}
