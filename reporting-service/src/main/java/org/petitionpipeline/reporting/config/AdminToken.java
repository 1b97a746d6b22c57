package org.petitionpipeline.reporting.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The organizers' bearer token; checked when the service starts, so a weak one never goes live. */
@Startup
@ApplicationScoped
public class AdminToken {

    private static final int MIN_LENGTH = 16;

    private final byte[] token;

    public AdminToken(ReportingConfig config) {
        if (config.adminToken().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("REPORTING_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters long");
        }
        this.token = config.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    /** Constant time, so response timing does not leak how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
