package org.petitionpipeline.kit.identity;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.testsupport.TestIdentity;

/**
 * Access tokens for the services' tests, signed with the test key ({@link TestIdentity}) exactly as reporting-service
 * signs real ones. Valid for an hour: a test class never runs that long.
 */
public final class TestAccessTokens {

    private static final AccessTokenMint MINT = new AccessTokenMint(TestIdentity.ISSUER, TestIdentity.KEY_ID,
            TestIdentity.signingKey(), Duration.ofHours(1));

    private TestAccessTokens() {
    }

    /** A platform operator who also owns {@code default}, the organization of petitions published without one. */
    public static String operator() {
        return of(new Caller(UUID.randomUUID(), "operator@test.example", true,
                Map.of(AdminApiPolicy.DEFAULT_ORGANIZATION, OrgRole.OWNER)));
    }

    /** A member of one organization, no platform operator. */
    public static String member(String organization, OrgRole role) {
        return of(new Caller(UUID.randomUUID(), role.label() + "@" + organization + ".example", false,
                Map.of(organization, role)));
    }

    public static String of(Caller caller) {
        return MINT.tokenFor(caller, Instant.now());
    }

    /** A token that ran out an hour ago. */
    public static String expired(Caller caller) {
        return new AccessTokenMint(TestIdentity.ISSUER, TestIdentity.KEY_ID, TestIdentity.signingKey(),
                Duration.ofMinutes(5)).tokenFor(caller, Instant.now().minus(Duration.ofHours(1)));
    }

    /** A token in every way right but signed with a key the pipeline never published: a forgery. */
    public static String forged(Caller caller) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new AccessTokenMint(TestIdentity.ISSUER, TestIdentity.KEY_ID, generator.generateKeyPair().getPrivate(),
                    Duration.ofMinutes(5)).tokenFor(caller, Instant.now());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of the right key for another issuer (another deployment's, or an identity provider's). */
    public static String ofIssuer(String issuer, Caller caller) {
        return new AccessTokenMint(issuer, TestIdentity.KEY_ID, TestIdentity.signingKey(), Duration.ofMinutes(5))
                .tokenFor(caller, Instant.now());
    }
}
