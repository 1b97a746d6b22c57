package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.identity.AccountRepository.BoundAccount;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.EmailAddresses;

/**
 * Decides whom a single sign-on opens the console for. The provider vouches for the person; this only finds their
 * account: the one bound to the ID token's issuer and subject, or at their first single sign-on the account of the
 * address the provider verified for them (an owner added them as a member beforehand), which is bound to them from
 * then on, so a later change of address at the provider changes nothing. Nobody gets an account by signing on.
 */
@ApplicationScoped
public class SsoLogin {

    private final AccountRepository accounts;
    private final Optional<String> operatorGroup;

    public SsoLogin(AccountRepository accounts, ReportingConfig config) {
        this.accounts = accounts;
        this.operatorGroup = config.sso().operatorGroup();
    }

    public sealed interface Outcome {
    }

    public record LoggedIn(Caller caller) implements Outcome {
    }

    /** @param detail for the audit log: why, and the email's domain at most of what the token says */
    public record Refused(Caller actor, Map<String, String> detail) implements Outcome {
    }

    public Outcome attempt(IdTokenClaims claims) {
        boolean verified = claims.emailVerified() && EmailAddresses.valid(claims.email());
        Optional<BoundAccount> account = accounts.boundAccount(claims.issuer(), claims.subject(),
                verified ? claims.email() : null);
        if (account.isEmpty()) {
            return refused(ConsoleSignIns.UNKNOWN, claims.email() == null ? "no account, no email in the token"
                    : verified ? "no account for the address" : "no account, email not verified", claims);
        }
        operatorGroup.ifPresent(group -> accounts.setPlatformOperator(account.get().id(),
                claims.groups().contains(group)));
        Optional<Caller> caller = accounts.caller(account.get().id());
        if (caller.isEmpty()) {
            return refused(new Caller(account.get().id(), account.get().email(), false, Map.of()), "account disabled",
                    claims);
        }
        return new LoggedIn(caller.get());
    }

    private static Refused refused(Caller actor, String reason, IdTokenClaims claims) {
        Map<String, String> detail = new HashMap<>(Map.of("reason", reason));
        claims.emailDomain().ifPresent(domain -> detail.put("email_domain", domain));
        return new Refused(actor, Map.copyOf(detail));
    }
}
