package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.petitionpipeline.kit.identity.AccessTokens;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.reporting.identity.AccountRepository;
import org.petitionpipeline.reporting.identity.ApiTokens;

/**
 * Who a bearer token names. A credential is a personal API token (its account, with the roles it holds now) or one
 * of the deployment's two tokens ({@link ConsoleRole#caller()}); the admin API also takes the short-lived access
 * tokens this service signs, as every other service does.
 */
@ApplicationScoped
public class BearerCallers {

    private final RoleTokens deploymentTokens;
    private final ApiTokens apiTokens;
    private final AccountRepository accounts;
    private final AccessTokens accessTokens;
    private final Clock clock;

    public BearerCallers(RoleTokens deploymentTokens, ApiTokens apiTokens, AccountRepository accounts,
            AccessTokens accessTokens, Clock clock) {
        this.deploymentTokens = deploymentTokens;
        this.apiTokens = apiTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    /** The caller of an admin API request: a credential, or an access token. */
    public Optional<Caller> ofRequest(String token) {
        return ofCredential(token).or(() -> accessTokens.callerOf(token));
    }

    /**
     * The caller a credential names, the only thing an access token is issued for: an access token cannot be traded
     * for a fresh one, so a stolen one dies when it expires.
     */
    public Optional<Caller> ofCredential(String token) {
        Optional<ConsoleRole> deployment = deploymentTokens.roleOf(token);
        if (deployment.isPresent()) {
            return Optional.of(deployment.get().caller());
        }
        return apiTokens.accountOf(token, clock.instant()).flatMap(accounts::caller);
    }
}
