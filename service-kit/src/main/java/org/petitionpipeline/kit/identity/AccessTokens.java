package org.petitionpipeline.kit.identity;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.petitionpipeline.kit.KitFeatures;

/**
 * Checks the pipeline's access tokens: RS256 JWTs signed by reporting-service, verified against the keys it publishes
 * ({@code pipeline.identity.jwks-url}), for the issuer {@code pipeline.identity.issuer} and the audience
 * {@value AccessTokenClaims#AUDIENCE}, unexpired. Every service checks them here, the same way, so no service shares a
 * secret with another.
 */
@IfBuildProperty(name = KitFeatures.IDENTITY, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final JWTParser parser;
    private final Instance<KeyInHand> keyInHand;

    /** @param keyInHand the signer's own key, in the service that signs (reporting); unresolvable elsewhere */
    public AccessTokens(JWTParser parser, Instance<KeyInHand> keyInHand) {
        this.parser = parser;
        this.keyInHand = keyInHand;
    }

    /** Who a presented token names; empty for anything but a valid, current access token of this pipeline. */
    public Optional<Caller> callerOf(String presented) {
        try {
            return Optional.of(AccessTokenClaims.callerOf(keyInHand.isResolvable()
                    ? parser.verify(presented, keyInHand.get().verificationKey())
                    : parser.parse(presented)));
        } catch (ParseException refused) {
            // the reason (expired, wrong audience, unknown key) helps whoever debugs a client; the token is no secret
            // worth hiding from a debug log once it failed, but it is not logged anyway
            LOG.debugf("access token refused: %s", refused.getMessage());
            return Optional.empty();
        }
    }
}
