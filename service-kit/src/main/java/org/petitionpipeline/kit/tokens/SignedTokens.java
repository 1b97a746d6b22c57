package org.petitionpipeline.kit.tokens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pipeline's one HMAC-SHA256 codec for what a link or a cookie must prove we made: unsubscribe and confirm
 * links, console sessions, delivery report links. The MAC covers {@code purpose ":" subject expiry} (the expiry as
 * eight bytes of epoch seconds), so nobody without the key can make or alter one, one made for a purpose
 * ("unsubscribe") is refused for another ("confirm"), and each stops working at its expiry.
 *
 * <p>Two forms of the same signature:
 * <ul>
 * <li>a self-contained token, {@code base64url(subject expiry) "." base64url(MAC)}, for a link that names its
 * subject nowhere else (an email hash, a signature id); the purpose fixes the subject's length;</li>
 * <li>a detached signature, for a subject and expiry the link or cookie carries in the clear (a report's
 * petition, region and moment; a console role).</li>
 * </ul>
 * Both check the signature first: only a genuine token is ever called expired.
 */
public final class SignedTokens {

    /** What a token is: one the holder may use, one that was genuine but is too old, or anything else. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    /** The verdict and, for a valid self-contained token, the subject it was issued for. */
    public record Check(Verdict verdict, byte[] subject) {

        static final Check INVALID = new Check(Verdict.INVALID, null);
        static final Check EXPIRED = new Check(Verdict.EXPIRED, null);
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final byte[] purpose;

    /**
     * @param variable the environment variable that configures the key, named in the start-up error
     * @param purpose  what the tokens are for; tokens of another purpose never verify
     */
    public SignedTokens(String key, String variable, String purpose) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(variable + " must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.purpose = (purpose + ":").getBytes(StandardCharsets.US_ASCII);
    }

    /** A self-contained token for {@code subject}. */
    public String issue(byte[] subject, Instant expiresAt) {
        return encode(payload(subject, expiresAt.getEpochSecond()));
    }

    /** Checks a self-contained token whose subject must be {@code subjectBytes} long. */
    public Check verify(String token, int subjectBytes, Instant now) {
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
        if (payload.length != subjectBytes + Long.BYTES || !equal(encode(payload), token)) {
            return Check.INVALID;
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        byte[] subject = new byte[subjectBytes];
        fields.get(subject);
        return expired(fields.getLong(), now) ? Check.EXPIRED : new Check(Verdict.VALID, subject);
    }

    /** The detached signature of {@code subject} until {@code expiresAt} (epoch seconds). */
    public String sign(byte[] subject, long expiresAt) {
        return ENCODER.encodeToString(mac(payload(subject, expiresAt)));
    }

    public Verdict verify(byte[] subject, long expiresAt, String signature, Instant now) {
        if (signature == null || !equal(sign(subject, expiresAt), signature)) {
            return Verdict.INVALID;
        }
        return expired(expiresAt, now) ? Verdict.EXPIRED : Verdict.VALID;
    }

    private static byte[] payload(byte[] subject, long expiresAt) {
        return ByteBuffer.allocate(subject.length + Long.BYTES).put(subject).putLong(expiresAt).array();
    }

    /** Only ever asked of a genuine expiry, one we wrote from an {@link Instant}. */
    private static boolean expired(long expiresAt, Instant now) {
        return now.isAfter(Instant.ofEpochSecond(expiresAt));
    }

    /** Constant time: how long a comparison takes tells nothing about how much of a guess was right. */
    private static boolean equal(String expected, String candidate) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
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
