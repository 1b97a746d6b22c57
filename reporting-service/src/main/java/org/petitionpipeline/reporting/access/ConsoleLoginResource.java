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
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String message, String csrfToken);
    }

    private final RoleTokens tokens;
    private final PasswordLogin passwords;
    private final ConsoleSignIns signIns;
    private final ConsoleSessions sessions;
    private final ConsoleRequest console;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsoleLoginResource(RoleTokens tokens, PasswordLogin passwords, ConsoleSignIns signIns,
            ConsoleSessions sessions, ConsoleRequest console, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.signIns = signIns;
        this.sessions = sessions;
        this.console = console;
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
                signIns.refused(ConsoleSignIns.UNKNOWN, address, Map.of("reason", "wrong token"));
                return loginPage(headers.getCookies(), uri, headers.getAcceptableMediaTypes(),
                        Response.Status.UNAUTHORIZED, WRONG_TOKEN);
            }
            return Response.seeOther(URI.create(role.get().home()))
                    .cookie(signIns.open(role.get().caller(), role.get(), LoginMethod.TOKEN, address, uri, now))
                    .build();
        }
        PasswordLogin.Outcome outcome = passwords.attempt(email, password, address, now);
        if (outcome instanceof PasswordLogin.LoggedIn loggedIn) {
            return Response.seeOther(URI.create(ConsoleRole.ORGANIZER.home()))
                    .cookie(signIns.open(loggedIn.caller(), null, LoginMethod.PASSWORD, address, uri, now)).build();
        }
        if (outcome instanceof PasswordLogin.Throttled throttled) {
            return Response.fromResponse(loginPage(headers.getCookies(), uri, headers.getAcceptableMediaTypes(),
                    Response.Status.TOO_MANY_REQUESTS, TOO_MANY))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        PasswordLogin.Refused refused = (PasswordLogin.Refused) outcome;
        signIns.refused(refused.account().orElse(ConsoleSignIns.UNKNOWN), address,
                Map.of("reason", refused.reason()));
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
