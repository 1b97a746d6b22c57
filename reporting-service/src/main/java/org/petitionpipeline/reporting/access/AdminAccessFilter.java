package org.petitionpipeline.reporting.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.petitionpipeline.kit.http.BearerToken;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.PetitionAccess;

/**
 * Admits a request to the admin API once it says who sends it, and records that caller for the resources: a personal
 * API token (an account, with the roles it holds now), an access token (as every service takes them), or one of the
 * deployment's tokens: the organizer token stands for a platform operator owning the organization
 * {@value ConsoleRole#LEGACY_ORGANIZATION} (every petition made before organizations existed), the ops token for a
 * platform operator of no organization (see {@link BearerCallers}). Someone logged in to the organizer console, as a
 * person or with that token, may also read (GET) the API with the console's cookie, so the console links straight to
 * stats and report downloads: reads only, the cookie is SameSite=Strict.
 * Then {@link PetitionAccess} decides what the caller may do to the petition the path names. The OSDI pull API
 * takes the same callers, and the API token also in OSDI's own {@code OSDI-API-Token} header.
 */
public class AdminAccessFilter {

    private static final String ADMIN_API = "/api/admin/";
    /* The OSDI pull API (docs/osdi.md) reads petitions and signers as the admin API does, with the same callers. */
    private static final String OSDI_API = "/api/osdi/";
    /* OSDI's own header for the API token, which OSDI clients send instead of Authorization */
    private static final String OSDI_TOKEN = "OSDI-API-Token";

    private final BearerCallers bearers;
    private final ConsoleSessions sessions;
    private final AccountRepository accounts;
    private final PetitionAccess petitionAccess;
    private final CurrentCaller current;
    private final Clock clock;

    public AdminAccessFilter(BearerCallers bearers, ConsoleSessions sessions, AccountRepository accounts,
            PetitionAccess petitionAccess, CurrentCaller current, Clock clock) {
        this.bearers = bearers;
        this.sessions = sessions;
        this.accounts = accounts;
        this.petitionAccess = petitionAccess;
        this.current = current;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response admit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(ADMIN_API) && !path.startsWith(OSDI_API)) {
            return null;
        }
        Optional<Caller> caller = callerOf(request, path.startsWith(OSDI_API));
        if (caller.isEmpty()) {
            return BearerToken.unauthorized("send a personal API token, an access token or the organizer token ("
                    + ConsoleRole.ORGANIZER.variable() + ") as 'Authorization: Bearer <token>'"
                    + (path.startsWith(OSDI_API) ? " or '" + OSDI_TOKEN + ": <token>'" : ""));
        }
        current.set(caller.get(), addressOf(http));
        petitionAccess.check(request.getMethod(), path, caller.get());
        return null;
    }

    private Optional<Caller> callerOf(ContainerRequestContext request, boolean osdi) {
        Optional<String> bearer = BearerToken.presented(request)
                .or(() -> osdi ? Optional.ofNullable(request.getHeaderString(OSDI_TOKEN)) : Optional.empty());
        if (bearer.isPresent()) {
            return bearer.flatMap(bearers::ofRequest);
        }
        if (HttpMethod.GET.equals(request.getMethod())) {
            return ConsoleAccessFilter.loggedIn(sessions, accounts, clock, request)
                    .filter(login -> login.opens(ConsoleRole.ORGANIZER)).map(ConsoleAccessFilter.Login::caller);
        }
        return Optional.empty();
    }

    /** The request's peer address: the client's, or behind a trusted proxy the one it forwarded. */
    static String addressOf(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
