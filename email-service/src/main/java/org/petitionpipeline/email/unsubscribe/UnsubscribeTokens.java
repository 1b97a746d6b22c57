package org.petitionpipeline.email.unsubscribe;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * Unsubscribe tokens: {@link SignedTokens} for an email hash. No address is in a link, and a token stops
 * working after {@code email.unsubscribe-token-lifetime} (long: mail clients send RFC 8058 one-click requests
 * from old messages, and CAN-SPAM wants a link to work for at least 30 days after sending).
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    /** The verdict and, for a valid token, the email hash it was issued for. */
    public record Check(SignedTokens.Verdict verdict, String emailHash) {
    }

    private static final Pattern EMAIL_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int HASH_BYTES = 32;

    private final SignedTokens tokens;
    private final Duration lifetime;

    public UnsubscribeTokens(EmailConfig config) {
        this.tokens = new SignedTokens(config.tokenKey(), "EMAIL_TOKEN_KEY", "unsubscribe");
        this.lifetime = config.unsubscribeTokenLifetime();
    }

    public String issue(String emailHash) {
        return issueExpiringAt(emailHash, Instant.now().plus(lifetime));
    }

    public String issueExpiringAt(String emailHash, Instant expiresAt) {
        if (!EMAIL_HASH.matcher(emailHash).matches()) {
            throw new IllegalArgumentException("an email hash is 64 lower-case hex digits");
        }
        return tokens.issue(HexFormat.of().parseHex(emailHash), expiresAt);
    }

    public Check verify(String token) {
        SignedTokens.Check check = tokens.verify(token, HASH_BYTES, Instant.now());
        return new Check(check.verdict(), check.subject() == null ? null : HexFormat.of().formatHex(check.subject()));
    }
}
