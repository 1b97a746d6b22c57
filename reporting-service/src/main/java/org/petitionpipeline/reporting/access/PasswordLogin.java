package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.limits.TokenBuckets;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.identity.AccountRepository.LoginState;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.EmailAddresses;
import org.petitionpipeline.reporting.identity.Passwords;

/**
 * Checks an email address and password typed into the console's login, against two kinds of guessing: one client
 * address may try only so often ({@code reporting.login}, per instance), and an account locks itself for a while
 * after {@value AccountRepository#FAILURES_BEFORE_LOCK} failures in a row (in the database, so across instances).
 * Every refusal looks and takes the same, whether the address has an account, a password, or a lock: one Argon2 check
 * is always made, so neither the answer nor its timing tells which addresses have accounts.
 */
@ApplicationScoped
public class PasswordLogin {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final TokenBuckets perClient;

    public PasswordLogin(AccountRepository accounts, Passwords passwords, ReportingConfig config) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.perClient = new TokenBuckets(config.login().burst(), config.login().perMinute(), MAX_TRACKED_CLIENTS,
                System::nanoTime);
    }

    /** What became of an attempt. */
    public sealed interface Outcome {
    }

    public record LoggedIn(Caller caller) implements Outcome {
    }

    /**
     * @param account the account the typed address names, empty when none does
     * @param reason  why, for the audit log only: the person is told the same whatever it is
     */
    public record Refused(Optional<Caller> account, String reason) implements Outcome {
    }

    /** Too many attempts from the client's address: none was checked. */
    public record Throttled(long retryAfterSeconds) implements Outcome {
    }

    public Outcome attempt(String email, String password, String clientAddress, Instant now) {
        long wait = perClient.take(clientAddress == null ? "" : clientAddress);
        if (wait > 0) {
            return new Throttled(wait);
        }
        Optional<LoginState> state = EmailAddresses.valid(email) ? accounts.loginState(email) : Optional.empty();
        Optional<Caller> account = state.flatMap(found -> accounts.caller(found.accountId()));
        if (state.isEmpty() || account.isEmpty()) {
            passwords.matches(password, null);
            return new Refused(Optional.empty(), "unknown address");
        }
        if (state.get().lockedAt(now)) {
            // the real hash is not checked while locked: guesses made now can never be confirmed
            passwords.matches(password, null);
            return new Refused(account, "locked");
        }
        if (!passwords.matches(password, state.get().passwordHash())) {
            accounts.recordFailedLogin(state.get().accountId(), now);
            return new Refused(account, state.get().passwordHash() == null ? "no password set" : "wrong password");
        }
        accounts.recordSuccessfulLogin(state.get().accountId());
        return new LoggedIn(account.get());
    }
}
