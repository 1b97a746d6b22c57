package org.petitionpipeline.email.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * {@link SignedTokens} for a person's email hash, for one purpose (unsubscribe, erase, access): no address is in a
 * link, a token of one purpose opens nothing of another, and each stops working after its lifetime.
 */
public class PersonTokens {

    /** The verdict and, for a valid token, the email hash it was issued for. */
    public record Check(SignedTokens.Verdict verdict, String emailHash) {
    }

    private static final Pattern EMAIL_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int HASH_BYTES = 32;

    private final SignedTokens tokens;
    private final Duration lifetime;

    /** @param key the HMAC key ({@code EMAIL_TOKEN_KEY}) */
    protected PersonTokens(String key, String purpose, Duration lifetime) {
        this.tokens = new SignedTokens(key, "EMAIL_TOKEN_KEY", purpose);
        this.lifetime = lifetime;
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

    /**
     * The id of the request a person's link makes ({@code kind} "erasure", "access"): the same link used twice (a
     * double click, a second tab) makes one request.
     */
    public static UUID requestId(String kind, String token) {
        return UUID.nameUUIDFromBytes((kind + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    public Check verify(String token) {
        SignedTokens.Check check = tokens.verify(token, HASH_BYTES, Instant.now());
        return new Check(check.verdict(), check.subject() == null ? null : HexFormat.of().formatHex(check.subject()));
    }
}
