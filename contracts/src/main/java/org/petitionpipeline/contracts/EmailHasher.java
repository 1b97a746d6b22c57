package org.petitionpipeline.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a canonical email address under a secret key. Keys and logs carry this hash instead of
 * the address; a keyed hash (not a plain one) stops anyone holding the topics from confirming a guessed
 * address. Every service must be configured with the same key.
 */
public final class EmailHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A Mac per thread: creating one costs more than the hash, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public EmailHasher(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the email hash key must be at least 16 characters long");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The hex hash of an address that is already canonical (see {@link CanonicalEmail}). */
    public String hash(String canonicalEmail) {
        return HexFormat.of().formatHex(macs.get().doFinal(canonicalEmail.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
