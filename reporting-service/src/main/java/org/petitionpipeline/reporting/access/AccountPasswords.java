package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.Passwords;

/**
 * Sets a person's console password, from the admin API (with their API token) or their account page. A new password
 * ends the account's other console sessions: whoever knew the old one is logged out with it.
 */
@ApplicationScoped
public class AccountPasswords {

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final ConsoleSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountPasswords(AccountRepository accounts, Passwords passwords, ConsoleSessions sessions,
            AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Throws a 422 problem for a password too short or too long.
     *
     * @param kept the session the change was made in, which goes on; null for none
     */
    public void set(UUID account, String password, UUID kept) {
        Passwords.requireAcceptable(password);
        Instant now = clock.instant();
        accounts.setPasswordHash(account, passwords.hash(password));
        int ended = sessions.revokeAllOf(account, kept, now);
        audit.succeeded(AuditAction.PASSWORD_SET, null, "account:" + account,
                Map.of("sessions_ended", String.valueOf(ended)));
    }
}
