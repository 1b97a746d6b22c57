package org.petitionpipeline.reporting.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The consoles' login: the user pastes the organizer or the ops token once, and gets a signed cookie the browser
 * keeps to itself (HttpOnly) and sends only to pages of this site (SameSite=Strict).
 */
@Path("/console")
public class ConsoleLoginResource {

    static final String WRONG_TOKEN = "that is neither the organizer token (REPORTING_ADMIN_TOKEN) nor the ops token "
            + "(REPORTING_OPS_TOKEN); paste it again exactly as configured";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String message);
    }

    private final RoleTokens tokens;
    private final ConsoleSessions sessions;

    public ConsoleLoginResource(RoleTokens tokens, ConsoleSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.login(null);
    }

    /** Sends each role to its own console; a token nobody holds gets the page again with the reason. */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logIn(@FormParam("token") String token, @Context UriInfo uri, @Context HttpHeaders headers) {
        // a token copied from a terminal often brings a line break along; no token contains white space
        Optional<ConsoleRole> role = tokens.roleOf(token == null ? null : token.strip());
        if (role.isEmpty()) {
            return ConsolePages.refusal(headers.getAcceptableMediaTypes(), Response.Status.UNAUTHORIZED,
                    Templates.login(WRONG_TOKEN), WRONG_TOKEN);
        }
        return Response.seeOther(URI.create(role.get().home()))
                .cookie(cookie(uri, sessions.open(role.get(), Instant.now()), (int) sessions.lifetime().toSeconds()))
                .build();
    }

    @POST
    @Path("/logout")
    public Response logOut(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/console/login")).cookie(cookie(uri, "", 0)).build();
    }

    /* Secure whenever the console is reached over HTTPS; a local run on http://localhost could not log in else. */
    private static NewCookie cookie(UriInfo uri, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(ConsoleSessions.COOKIE).value(value).path("/").maxAge(maxAgeSeconds)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .secure("https".equals(uri.getRequestUri().getScheme())).build();
    }
}
