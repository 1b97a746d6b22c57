package org.petitionpipeline.kit.identity;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs access tokens as {@link AccessTokens} checks them: reporting-service with its own key, tests with a test key.
 * Short-lived on purpose: a service that checks one cannot ask whether it was revoked since.
 *
 * @param keyId the {@code kid} under which the key's public half is published
 */
public record AccessTokenMint(String issuer, String keyId, PrivateKey key, Duration lifetime) {

    public String tokenFor(Caller caller, Instant now) {
        return Jwt.claims(AccessTokenClaims.of(caller))
                .issuer(issuer)
                .audience(AccessTokenClaims.AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().keyId(keyId).algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }
}
