package org.petitionpipeline.email.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque tokens for links in mail: {@code base64url(subject, expiry) . base64url(HMAC of purpose and both)}.
 * Nobody without the key can make one, a token made for one purpose (unsubscribe) is refused for another
 * (confirm), and each stops working at its expiry. The subject has a fixed length per purpose.
 */
public final class SignedTokens {

    /** What a token is: one the holder may use, one that was genuine but is too old, or anything else. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    /** The verdict and, for a valid token, the subject it was issued for. */
    public record Check(Verdict verdict, byte[] subject) {

        static final Check INVALID = new Check(Verdict.INVALID, null);
        static final Check EXPIRED = new Check(Verdict.EXPIRED, null);
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final byte[] purpose;
    private final int payloadBytes;

    public SignedTokens(String key, String purpose, int subjectBytes) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("EMAIL_TOKEN_KEY must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.purpose = (purpose + ":").getBytes(StandardCharsets.US_ASCII);
        this.payloadBytes = subjectBytes + Long.BYTES;
    }

    public String issue(byte[] subject, Instant expiresAt) {
        if (subject.length + Long.BYTES != payloadBytes) {
            throw new IllegalArgumentException("a subject of " + (payloadBytes - Long.BYTES) + " bytes is expected");
        }
        return encode(ByteBuffer.allocate(payloadBytes).put(subject).putLong(expiresAt.getEpochSecond()).array());
    }

    /** Checks the signature first: only a genuine token is ever called expired. */
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
        if (payload.length != payloadBytes || !MessageDigest.isEqual(encode(payload).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        byte[] subject = new byte[payloadBytes - Long.BYTES];
        fields.get(subject);
        if (Instant.now().isAfter(Instant.ofEpochSecond(fields.getLong()))) {
            return Check.EXPIRED;
        }
        return new Check(Verdict.VALID, subject);
    }

    private String encode(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
