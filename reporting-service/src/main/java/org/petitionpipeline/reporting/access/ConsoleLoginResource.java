package org.petitionpipeline.reporting.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.reporting.access.ConsoleSessions.Opened;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.identity.Secrets;

/**
 * The consoles' login: a person's email address and password ({@link PasswordLogin}), or one of the deployment's
 * tokens pasted. Either opens a {@link ConsoleSessions} row whose secret goes into a cookie the browser keeps to
 * itself (HttpOnly) and sends only to pages of this site (SameSite=Strict). Logging out ends the row at once.
 */
@Path("/console")
public class ConsoleLoginResource {

    static final String WRONG_PASSWORD = "the email address or the password is wrong, or this account is paused for "
            + "a while after repeated failures; check both and try again in a minute";
    static final String WRONG_TOKEN = "that is neither the organizer token (REPORTING_ADMIN_TOKEN) nor the ops token "
            + "(REPORTING_OPS_TOKEN); paste it again exactly as configured";
    static final String TOO_MANY = "too many login attempts from your network; try again in a few minutes";
    /** The login form's double-submit CSRF cookie: there is no session yet to keep its token in. */
    static final String LOGIN_CSRF_COOKIE = "console_login_csrf";
    private static final String LOGIN = "/console/login";
    /* Nothing typed is kept for an address without an account: not even the address. */
    private static final Caller UNKNOWN = new Caller(null, "unknown", false, Map.of());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String message, String csrfToken);
    }

    private final RoleTokens tokens;
    private final PasswordLogin passwords;
    private final ConsoleSessions sessions;
    private final ConsoleRequest console;
    private final CurrentCaller current;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsoleLoginResource(RoleTokens tokens, PasswordLogin passwords, ConsoleSessions sessions,
            ConsoleRequest console, CurrentCaller current, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.console = console;
        this.current = current;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context HttpHeaders headers, @Context UriInfo uri) {
        String csrf = loginCsrfToken(headers.getCookies());
        return Response.ok(Templates.login(null, csrf)).cookie(loginCsrfCookie(uri, csrf)).build();
    }

    /**
     * A password login opens the organizer console; a token, its own role's console. A refusal gets the page again
     * with the reason, the same for every wrong address or password.
     */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest http) {
        String address = AdminAccessFilter.addressOf(http);
        Instant now = clock.instant();
        if (email == null && password == null) {
            // a token copied from a terminal often brings a line break along; no token contains white space
            Optional<ConsoleRole> role = tokens.roleOf(token == null ? null : token.strip());
            if (role.isEmpty()) {
                recordFailure(UNKNOWN, address, "wrong token");
                return loginPage(headers.getCookies(), uri, headers.getAcceptableMediaTypes(),
                        Response.Status.UNAUTHORIZED, WRONG_TOKEN);
            }
            return opened(role.get().caller(), sessions.open(null, role.get(), address, now), role.get().home(),
                    "token", uri);
        }
        PasswordLogin.Outcome outcome = passwords.attempt(email, password, address, now);
        if (outcome instanceof PasswordLogin.LoggedIn loggedIn) {
            return opened(loggedIn.caller(), sessions.open(loggedIn.caller().accountId(), null, address, now),
                    ConsoleRole.ORGANIZER.home(), "password", uri);
        }
        if (outcome instanceof PasswordLogin.Throttled throttled) {
            return Response.fromResponse(loginPage(headers.getCookies(), uri, headers.getAcceptableMediaTypes(),
                    Response.Status.TOO_MANY_REQUESTS, TOO_MANY))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        PasswordLogin.Refused refused = (PasswordLogin.Refused) outcome;
        recordFailure(refused.account().orElse(UNKNOWN), address, refused.reason());
        return loginPage(headers.getCookies(), uri, headers.getAcceptableMediaTypes(), Response.Status.UNAUTHORIZED,
                WRONG_PASSWORD);
    }

    /** Ends the session at once, wherever its cookie may have been copied to. */
    @POST
    @Path("/logout")
    public Response logOut(@Context UriInfo uri) {
        console.session().ifPresent(session -> {
            sessions.revoke(session.id(), clock.instant());
            audit.succeeded(AuditAction.LOGOUT, null, "session:" + session.id(), Map.of());
        });
        return Response.seeOther(URI.create(LOGIN))
                .cookie(ConsolePages.sessionCookie(uri, "", 0)).build();
    }

    /**
     * The login page, as the answer to a request without a login or a refused one: with the double-submit token its
     * forms send back, the one the browser holds already if it has one (another tab's form keeps working).
     */
    static Response loginPage(Map<String, Cookie> cookies, UriInfo uri, List<MediaType> acceptable,
            Response.StatusType status, String message) {
        String csrf = loginCsrfToken(cookies);
        return ConsolePages.refusal(acceptable, status, Templates.login(message, csrf), message,
                loginCsrfCookie(uri, csrf));
    }

    private Response opened(Caller caller, Opened opened, String home, String with, UriInfo uri) {
        current.set(caller, opened.session().clientAddress());
        audit.succeeded(AuditAction.LOGIN_SUCCESS, null, "session:" + opened.session().id(), Map.of("with", with));
        return Response.seeOther(URI.create(home)).cookie(ConsolePages.sessionCookie(uri, opened.secret(),
                (int) sessions.lifetime().toSeconds())).build();
    }

    private void recordFailure(Caller actor, String address, String reason) {
        current.set(actor, address);
        audit.failed(AuditAction.LOGIN_FAILURE, actor.accountId() == null ? null : "account:" + actor.accountId(),
                Map.of("reason", reason));
    }

    private static String loginCsrfToken(Map<String, Cookie> cookies) {
        Cookie held = cookies.get(LOGIN_CSRF_COOKIE);
        return held != null && held.getValue().length() == Secrets.LENGTH ? held.getValue()
                : Secrets.random();
    }

    /* A browser session cookie for the login form only; it stands for nobody, so it needs no expiry. */
    private static NewCookie loginCsrfCookie(UriInfo uri, String token) {
        return ConsolePages.cookie(uri, LOGIN_CSRF_COOKIE, token, LOGIN, -1);
    }
}
