package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.access.ConsoleSessions.Opened;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;

/**
 * What every way of logging in to the console ends with: a {@link ConsoleSessions} row and its cookie for a login
 * that succeeded, and an audit entry for it or for a refused one. The login form ({@link ConsoleLoginResource}) and
 * single sign-on ({@link SsoLoginResource}) open the same sessions, so logout, revocation and disabling an account
 * end either alike.
 */
@ApplicationScoped
public class ConsoleSignIns {

    /** The actor of a refused login that names no account: nothing the person gave is kept, not even an address. */
    static final Caller UNKNOWN = new Caller(null, "unknown", false, Map.of());

    private final ConsoleSessions sessions;
    private final CurrentCaller current;
    private final AuditTrail audit;

    public ConsoleSignIns(ConsoleSessions sessions, CurrentCaller current, AuditTrail audit) {
        this.sessions = sessions;
        this.current = current;
        this.audit = audit;
    }

    /**
     * Opens a session for the caller (a person, or with {@code legacyRole} the deployment's token of that role),
     * records the login, and returns the cookie that holds the session's secret.
     */
    NewCookie open(Caller caller, ConsoleRole legacyRole, LoginMethod via, String clientAddress, UriInfo uri,
            Instant now) {
        Opened opened = sessions.open(caller.accountId(), legacyRole, via, clientAddress, now);
        current.set(caller, clientAddress);
        audit.succeeded(AuditAction.LOGIN_SUCCESS, null, "session:" + opened.session().id(),
                Map.of("with", via.label()));
        return ConsolePages.sessionCookie(uri, opened.secret(), (int) sessions.lifetime().toSeconds());
    }

    /** Records a refused login of {@code actor} ({@link #UNKNOWN} when it names no account). */
    void refused(Caller actor, String clientAddress, Map<String, String> detail) {
        current.set(actor, clientAddress);
        audit.failed(AuditAction.LOGIN_FAILURE, actor.accountId() == null ? null : "account:" + actor.accountId(),
                detail);
    }
}
