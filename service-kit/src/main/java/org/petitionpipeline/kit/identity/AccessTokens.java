package org.petitionpipeline.kit.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.petitionpipeline.kit.KitFeatures;

/**
 * Checks the pipeline's access tokens: RS256 JWTs signed by reporting-service, verified against the keys it publishes
 * ({@code pipeline.identity.jwks-url}), for the issuer {@code pipeline.identity.issuer} and the audience
 * {@value AccessTokenClaims#AUDIENCE}, unexpired. Every service checks them here, the same way, so no service shares a
 * secret with another.
 *
 * <p>A token checked once is remembered until it expires: a script or console sends the same token with every request
 * for its five minutes, and checking it again (an RS256 signature and the claims' parsing) cost about a third of a
 * simple admin request's CPU (docs/benchmarks/admin-tokens.md). The whole token is the key, so a token changed in any
 * byte is checked afresh; refusals are not remembered.
 */
@IfBuildProperty(name = KitFeatures.IDENTITY, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);
    /** Far more callers than an organization's staff and scripts, each holding a token for its few minutes. */
    private static final int REMEMBERED_TOKENS = 10_000;

    private final JWTParser parser;
    private final Instance<KeyInHand> keyInHand;
    private final Cache<String, Checked> checked = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfter(Expiry.creating((String token, Checked caller) -> caller.remaining()))
            .build();

    /** @param keyInHand the signer's own key, in the service that signs (reporting); unresolvable elsewhere */
    public AccessTokens(JWTParser parser, Instance<KeyInHand> keyInHand) {
        this.parser = parser;
        this.keyInHand = keyInHand;
    }

    /** Who a presented token names; empty for anything but a valid, current access token of this pipeline. */
    public Optional<Caller> callerOf(String presented) {
        Checked known = checked.getIfPresent(presented);
        if (known != null && !known.remaining().isNegative()) {
            return Optional.of(known.caller());
        }
        try {
            JsonWebToken token = keyInHand.isResolvable()
                    ? parser.verify(presented, keyInHand.get().verificationKey())
                    : parser.parse(presented);
            Caller caller = AccessTokenClaims.callerOf(token);
            checked.put(presented, new Checked(caller, Instant.ofEpochSecond(token.getExpirationTime())));
            return Optional.of(caller);
        } catch (ParseException refused) {
            // the reason (expired, wrong audience, unknown key) helps whoever debugs a client; the token is no secret
            // worth hiding from a debug log once it failed, but it is not logged anyway
            LOG.debugf("access token refused: %s", refused.getMessage());
            return Optional.empty();
        }
    }

    private record Checked(Caller caller, Instant expiresAt) {

        Duration remaining() {
            return Duration.between(Instant.now(), expiresAt);
        }
    }
}
