package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.kit.tokens.SignedTokens;
import org.petitionpipeline.reporting.config.ReportingConfig;

/**
 * A console login as a cookie value: {@code role.expiry.signature}, a {@link SignedTokens} signature of the role
 * made with the role's own token. The cookie never carries the token itself, any instance can check it without
 * shared state, and changing a token ends every login made with it.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "console_session";
    private static final String PURPOSE = "console-session";

    private final Map<ConsoleRole, SignedTokens> signers = new EnumMap<>(ConsoleRole.class);
    private final Duration lifetime;

    public ConsoleSessions(ReportingConfig config) {
        signers.put(ConsoleRole.ORGANIZER,
                new SignedTokens(config.adminToken(), ConsoleRole.ORGANIZER.variable(), PURPOSE));
        signers.put(ConsoleRole.OPS, new SignedTokens(config.opsToken(), ConsoleRole.OPS.variable(), PURPOSE));
        this.lifetime = config.console().sessionLifetime();
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String open(ConsoleRole role, Instant now) {
        long expiresAt = now.plus(lifetime).getEpochSecond();
        return role.label() + "." + expiresAt + "." + signers.get(role).sign(subject(role), expiresAt);
    }

    /** The role of a login that is well signed and not expired; empty for anything else. */
    public Optional<ConsoleRole> roleOf(String cookie, Instant now) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<ConsoleRole> role = ConsoleRole.ofLabel(parts[0]);
        long expiresAt;
        try {
            expiresAt = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return role.filter(claimed -> signers.get(claimed).verify(subject(claimed), expiresAt, parts[2], now)
                == SignedTokens.Verdict.VALID);
    }

    private static byte[] subject(ConsoleRole role) {
        return role.label().getBytes(StandardCharsets.US_ASCII);
    }
}
