package org.petitionpipeline.reporting.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.access.ConsoleSessions.ConsoleSession;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.ApiTokens;
import org.petitionpipeline.reporting.identity.OwnTokens;
import org.petitionpipeline.reporting.identity.Passwords;

/**
 * A person's own account in the console: their password, their API tokens (a new one's secret shown on the page this
 * once) and their console sessions, each of which they may end, here or on another device, at once.
 */
@Path("/console/account")
@Produces(MediaType.TEXT_HTML)
public class AccountConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String email, List<ApiTokens.Listed> tokens,
                List<ConsoleSession> sessions, UUID currentSession, ApiTokens.Issued issued, String message,
                String problem);
    }

    private final OwnTokens tokens;
    private final ConsoleSessions sessions;
    private final AccountPasswords accountPasswords;
    private final Passwords passwords;
    private final AccountRepository accounts;
    private final ConsoleRequest console;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountConsoleResource(OwnTokens tokens, ConsoleSessions sessions, AccountPasswords accountPasswords,
            Passwords passwords, AccountRepository accounts, ConsoleRequest console, CurrentCaller caller,
            AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.accountPasswords = accountPasswords;
        this.passwords = passwords;
        this.accounts = accounts;
        this.console = console;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page() {
        return page(null, null, null);
    }

    /** Needs the current password too: a session left open on a shared computer must not take the account over. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("current_password") String current, @FormParam("password") String password) {
        UUID account = caller.account();
        if (!passwords.matches(current, accounts.passwordHash(account))) {
            return Response.status(422).entity(page(null, null, "your current password is not that one; the password "
                    + "is unchanged")).build();
        }
        try {
            accountPasswords.set(account, password, currentSession());
        } catch (ProblemException refused) {
            return again(refused);
        }
        return Response.ok(page(null, "Your password is changed; your other console sessions have ended.", null))
                .build();
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@FormParam("name") String name) {
        try {
            return Response.ok(page(tokens.create(name), null, null)).build();
        } catch (ProblemException refused) {
            return again(refused);
        }
    }

    @POST
    @Path("/tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") UUID id) {
        tokens.revoke(id);
        return Response.seeOther(URI.create("/console/account")).build();
    }

    /** Ends one of the person's sessions; ending this one logs out here. */
    @POST
    @Path("/sessions/{id}/revoke")
    public Response revokeSession(@PathParam("id") UUID id, @Context UriInfo uri) {
        if (!sessions.revoke(caller.account(), id, clock.instant())) {
            throw ProblemException.notFound("you have no console session " + id + " that has not ended already");
        }
        audit.succeeded(AuditAction.SESSION_REVOKE, null, "session:" + id, Map.of());
        if (id.equals(currentSession())) {
            return Response.seeOther(URI.create("/console/login"))
                    .cookie(ConsolePages.sessionCookie(uri, "", 0)).build();
        }
        return Response.seeOther(URI.create("/console/account")).build();
    }

    /* The page again, saying what was wrong with the form. */
    private Response again(ProblemException refused) {
        return Response.status(refused.getResponse().getStatus()).entity(page(null, null, ConsolePages.said(refused)))
                .build();
    }

    private TemplateInstance page(ApiTokens.Issued issued, String message, String problem) {
        UUID account = caller.account();
        return Templates.account(caller.get().label(), tokens.list(), sessions.of(account, clock.instant()),
                currentSession(), issued, message, problem);
    }

    private UUID currentSession() {
        return console.session().map(ConsoleSession::id).orElse(null);
    }
}
