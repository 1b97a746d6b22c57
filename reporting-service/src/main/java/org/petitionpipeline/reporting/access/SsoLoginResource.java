package org.petitionpipeline.reporting.access;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Single sign-on: the OIDC tenant {@code sso} (application.properties) runs the authorization code flow for this
 * path, and once the provider has authenticated the person, this opens the same console session a password does.
 */
@Path("/console/sso")
public class SsoLoginResource {

    static final String NOT_A_MEMBER = "you are signed in at your organization's identity provider, but the console "
            + "has no account for you: ask an owner of your organization to add you as a member, with the email "
            + "address your identity provider has for you, then sign in again";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedIn();
    }

    private final SecurityIdentity identity;
    private final OidcSession oidcSession;
    private final SsoLogin login;
    private final ConsoleSignIns signIns;
    private final Clock clock;

    public SsoLoginResource(SecurityIdentity identity, OidcSession oidcSession, SsoLogin login,
            ConsoleSignIns signIns, Clock clock) {
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.login = login;
        this.signIns = signIns;
        this.clock = clock;
    }

    /**
     * Where the provider sends the person back (the redirect URI to register there). Answers with a page that
     * opens the console rather than a redirect: the session cookie is SameSite=Strict, and browsers do not send it
     * on a redirect at the end of a chain that began at another site (the provider), only on a navigation this
     * site's own page starts.
     */
    @GET
    @Path("/login")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response logIn(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        String address = AdminAccessFilter.addressOf(http);
        // the principal, not an injected JsonWebToken: with smallrye-jwt present too, that one is the bearer's
        SsoLogin.Outcome outcome = login.attempt(IdTokenClaims.of((JsonWebToken) identity.getPrincipal()));
        // the tenant's own session served only to get here: the console's session (or none) is what counts now
        oidcSession.logout().await().indefinitely();
        if (outcome instanceof SsoLogin.Refused refused) {
            signIns.refused(refused.actor(), address, refused.detail());
            return ConsolePages.refusal(headers.getAcceptableMediaTypes(), Response.Status.FORBIDDEN, NOT_A_MEMBER);
        }
        return Response.ok(Templates.signedIn()).cookie(signIns.open(((SsoLogin.LoggedIn) outcome).caller(), null,
                LoginMethod.SSO, address, uri, clock.instant())).build();
    }
}
