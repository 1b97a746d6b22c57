package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;

/**
 * The caller's own personal API tokens, as the admin API ({@link ApiTokenResource}) and the console's account page
 * manage them: made (the secret shown this once), listed with their last use, revoked.
 */
@ApplicationScoped
public class OwnTokens {

    private static final int MAX_NAME = 100;

    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    public OwnTokens(ApiTokens tokens, CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** 422 for a missing or unprintable name. */
    public ApiTokens.Issued create(String name) {
        UUID account = caller.account();
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.unprocessable("a token needs a name", Map.of("name",
                    "what the token is for, up to " + MAX_NAME + " characters, e.g. 'CRM sync'"));
        }
        ApiTokens.Issued issued = tokens.issue(account, name.strip(), clock.instant());
        audit.succeeded(AuditAction.TOKEN_CREATE, null, "token:" + issued.id(), Map.of("name", issued.name()));
        return issued;
    }

    public List<ApiTokens.Listed> list() {
        return tokens.of(caller.account());
    }

    /** 404 when the caller has no such token that is not revoked already. */
    public void revoke(UUID id) {
        if (!tokens.revoke(caller.account(), id, clock.instant())) {
            throw ProblemException.notFound("you have no token " + id + " that is not revoked already");
        }
        audit.succeeded(AuditAction.TOKEN_REVOKE, null, "token:" + id, Map.of());
    }
}
