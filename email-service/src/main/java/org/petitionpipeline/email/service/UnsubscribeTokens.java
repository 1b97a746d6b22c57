package org.petitionpipeline.email.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * Opaque unsubscribe tokens: {@code <email hash>.<HMAC of it>}. No address appears in a link, and nobody
 * without the key can make a token that unsubscribes someone else. They do not expire: RFC 8058 links in
 * old messages must keep working.
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;
    private static final String PURPOSE = "unsubscribe:";
    private static final Pattern EMAIL_HASH = Pattern.compile("[0-9a-f]{64}");

    private final SecretKeySpec key;

    public UnsubscribeTokens(EmailConfig config) {
        if (config.tokenKey().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("EMAIL_TOKEN_KEY must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(config.tokenKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String issue(String emailHash) {
        return emailHash + "." + signature(emailHash);
    }

    /** The email hash the token was issued for, or empty for a forged, altered or malformed token. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String emailHash = token.substring(0, dot);
        if (!EMAIL_HASH.matcher(emailHash).matches()) {
            return Optional.empty();
        }
        byte[] expected = signature(emailHash).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(emailHash) : Optional.empty();
    }

    private String signature(String emailHash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((PURPOSE + emailHash).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
