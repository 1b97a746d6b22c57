package org.petitionpipeline.email.optin;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * Double opt-in tokens: {@link SignedTokens} for a signature id. Whoever holds the mail can confirm that one
 * signature, nothing else; the link stops working after {@code email.confirmation-token-lifetime}.
 */
@Startup
@ApplicationScoped
public class ConfirmationTokens {

    /** The verdict and, for a valid token, the signature it confirms. */
    public record Check(SignedTokens.Verdict verdict, UUID signatureId) {
    }

    private static final int UUID_BYTES = 16;

    private final SignedTokens tokens;
    private final Duration lifetime;

    public ConfirmationTokens(EmailConfig config) {
        this.tokens = new SignedTokens(config.tokenKey(), "EMAIL_TOKEN_KEY", "confirm");
        this.lifetime = config.confirmationTokenLifetime();
    }

    public String issue(UUID signatureId) {
        return issueExpiringAt(signatureId, Instant.now().plus(lifetime));
    }

    public String issueExpiringAt(UUID signatureId, Instant expiresAt) {
        byte[] subject = ByteBuffer.allocate(UUID_BYTES).putLong(signatureId.getMostSignificantBits())
                .putLong(signatureId.getLeastSignificantBits()).array();
        return tokens.issue(subject, expiresAt);
    }

    public Check verify(String token) {
        SignedTokens.Check check = tokens.verify(token, UUID_BYTES, Instant.now());
        if (check.subject() == null) {
            return new Check(check.verdict(), null);
        }
        ByteBuffer subject = ByteBuffer.wrap(check.subject());
        return new Check(check.verdict(), new UUID(subject.getLong(), subject.getLong()));
    }
}
