package org.petitionpipeline.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.petitionpipeline.reporting.config.ConsoleRole;
import org.petitionpipeline.reporting.config.ReportingConfig;

/**
 * A console login as a cookie value: {@code role.expiry.signature}, signed with the role's own token. The cookie
 * never carries the token itself, any instance can check it without shared state, and changing a token ends every
 * login made with it.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "console_session";
    private static final String HMAC = "HmacSHA256";

    private final Map<ConsoleRole, byte[]> keys = new EnumMap<>(ConsoleRole.class);
    private final Duration lifetime;

    public ConsoleSessions(ReportingConfig config) {
        keys.put(ConsoleRole.ORGANIZER, config.adminToken().getBytes(StandardCharsets.UTF_8));
        keys.put(ConsoleRole.OPS, config.opsToken().getBytes(StandardCharsets.UTF_8));
        this.lifetime = config.console().sessionLifetime();
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String open(ConsoleRole role, Instant now) {
        String claim = role.label() + "." + now.plus(lifetime).getEpochSecond();
        return claim + "." + sign(role, claim);
    }

    /** The role of a login that is well signed and not expired; empty for anything else. */
    public Optional<ConsoleRole> roleOf(String cookie, Instant now) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<ConsoleRole> role = ConsoleRole.ofLabel(parts[0]);
        if (role.isEmpty() || !MessageDigest.isEqual(sign(role.get(), parts[0] + "." + parts[1])
                .getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(now) ? role : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(ConsoleRole role, String claim) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(keys.get(role), HMAC));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("console-session:" + claim).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
