package org.petitionpipeline.reporting.identity;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.kit.identity.AccessTokenMint;
import org.petitionpipeline.kit.identity.IdentityConfig;
import org.petitionpipeline.kit.identity.KeyInHand;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.reporting.config.ReportingConfig;

/**
 * The RSA key that signs the pipeline's access tokens, in {@code reporting.signing_key}: made by the first instance
 * that starts (under an advisory lock, so two instances starting together make one), read by every other. Its
 * public half is published as a JWKS document for the other services; its {@code kid} is the key's RFC 7638
 * thumbprint. A singleton, not a proxied bean: the key is read once and must be the same object for every caller.
 */
@Startup
@Singleton
public class SigningKey implements KeyInHand {

    private static final long LOCK_KEY = 4_712_021L;
    private static final int KEY_BITS = 2048;
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final RSAPublicKey publicKey;
    private final AccessTokenMint mint;
    private final Map<String, Object> jwks;

    public SigningKey(DataSource dataSource, IdentityConfig identity, ReportingConfig config, Clock clock) {
        Statements statements = new Statements(dataSource);
        KeyPair pair = stored(statements).orElseGet(() -> createOnce(statements, new AdvisoryLock(dataSource, LOCK_KEY),
                clock));
        this.publicKey = (RSAPublicKey) pair.getPublic();
        RsaJsonWebKey jwk = jwk(publicKey);
        this.jwks = Map.of("keys", List.of(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        this.mint = new AccessTokenMint(identity.issuer(), jwk.getKeyId(), pair.getPrivate(),
                config.identity().accessTokenLifetime());
    }

    public AccessTokenMint mint() {
        return mint;
    }

    /** The JWKS document of {@code GET /.well-known/jwks.json}: the public key, nothing else. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    @Override
    public PublicKey verificationKey() {
        return publicKey;
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        return jwk;
    }

    private static KeyPair createOnce(Statements statements, AdvisoryLock lock, Clock clock) {
        try (AdvisoryLock.Held held = lock.acquire(LOCK_WAIT).orElseThrow(() -> new IllegalStateException(
                "another instance held the signing key's lock for " + LOCK_WAIT + " while making it"))) {
            return stored(statements).orElseGet(() -> {
                KeyPair made = generate();
                statements.update("store the signing key", """
                        insert into reporting.signing_key (kid, private_key, public_key, created_at)
                        values (?, ?, ?, ?)""", jwk((RSAPublicKey) made.getPublic()).getKeyId(), made.getPrivate().getEncoded(),
                        made.getPublic().getEncoded(), Timestamp.from(clock.instant()));
                return made;
            });
        }
    }

    private static Optional<KeyPair> stored(Statements statements) {
        return statements.query("read the signing key",
                row -> decode(row.getBytes("private_key"), row.getBytes("public_key")),
                "select private_key, public_key from reporting.signing_key order by created_at desc limit 1")
                .stream().findFirst();
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey signing = rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(publicKey)), signing);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reporting.signing_key holds a key that is not RSA", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make an RSA key", e);
        }
    }
}
