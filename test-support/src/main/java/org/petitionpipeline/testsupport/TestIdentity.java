package org.petitionpipeline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair of the tests' access tokens: services under test verify with {@value #VERIFICATION_KEY} (their
 * {@code %test.mp.jwt.verify.publickey.location}), tests sign with {@link #signingKey()}. A key for tests only, made
 * for them and known to everyone who reads this repository.
 */
public final class TestIdentity {

    public static final String ISSUER = "urn:petition-pipeline:test";
    public static final String KEY_ID = "test-key";
    public static final String VERIFICATION_KEY = "identity/test-verification-key.pem";

    private static final String SIGNING_KEY = "identity/test-signing-key.pem";

    private TestIdentity() {
    }

    public static PrivateKey signingKey() {
        try (InputStream pem = TestIdentity.class.getClassLoader().getResourceAsStream(SIGNING_KEY)) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the test signing key does not parse", e);
        }
    }
}
