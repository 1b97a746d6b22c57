package org.petitionpipeline.email.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * Opaque unsubscribe tokens: {@code base64url(email hash, expiry) . base64url(HMAC of both)}. No address is
 * in a link, nobody without the key can make a token for someone else, and a token stops working after
 * {@code email.unsubscribe-token-lifetime} (long: mail clients send RFC 8058 one-click requests from old
 * messages, and CAN-SPAM wants a link to work for at least 30 days after sending).
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a token is: one the holder may use, one that was genuine but is too old, or anything else. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    /** The verdict and, for a valid token, the email hash it was issued for. */
    public record Check(Verdict verdict, String emailHash) {

        private static final Check INVALID = new Check(Verdict.INVALID, null);
        private static final Check EXPIRED = new Check(Verdict.EXPIRED, null);
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;
    private static final byte[] PURPOSE = "unsubscribe:".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern EMAIL_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int HASH_BYTES = 32;
    private static final int PAYLOAD_BYTES = HASH_BYTES + Long.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration lifetime;

    public UnsubscribeTokens(EmailConfig config) {
        if (config.tokenKey().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("EMAIL_TOKEN_KEY must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(config.tokenKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.lifetime = config.unsubscribeTokenLifetime();
    }

    public String issue(String emailHash) {
        return issueExpiringAt(emailHash, Instant.now().plus(lifetime));
    }

    public String issueExpiringAt(String emailHash, Instant expiresAt) {
        if (!EMAIL_HASH.matcher(emailHash).matches()) {
            throw new IllegalArgumentException("an email hash is 64 lower-case hex digits");
        }
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(HexFormat.of().parseHex(emailHash))
                .putLong(expiresAt.getEpochSecond()).array();
        return encode(payload);
    }

    /** Checks signature first: only a genuine token is ever called expired. */
    public Check verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0) {
            return Check.INVALID;
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
        } catch (IllegalArgumentException notBase64) {
            return Check.INVALID;
        }
        // Compared as text, not decoded: the decoder ignores a last character's spare bits, so several spellings
        // decode alike, and an altered token must not pass for the one we issued
        byte[] expected = encode(payload).getBytes(StandardCharsets.US_ASCII);
        if (payload.length != PAYLOAD_BYTES
                || !MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        byte[] hash = new byte[HASH_BYTES];
        fields.get(hash);
        if (Instant.now().isAfter(Instant.ofEpochSecond(fields.getLong()))) {
            return Check.EXPIRED;
        }
        return new Check(Verdict.VALID, HexFormat.of().formatHex(hash));
    }

    private String encode(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(PURPOSE);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
