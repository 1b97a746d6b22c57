package org.petitionpipeline.local.launcher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secrets the services refuse to start without. Taken from the environment when set there, otherwise
 * made fresh for this run: the local run never relies on a default secret either.
 */
public record Secrets(String emailHashKey, String emailTokenKey, String adminToken, String opsToken,
        String webhookToken, String reportLinkKey) {

    public static Secrets fromEnvironmentOrRandom(Map<String, String> env) {
        return new Secrets(
                env.getOrDefault("PIPELINE_EMAIL_HASH_KEY", random()),
                env.getOrDefault("EMAIL_TOKEN_KEY", random()),
                env.getOrDefault("REPORTING_ADMIN_TOKEN", random()),
                env.getOrDefault("REPORTING_OPS_TOKEN", random()),
                env.getOrDefault("EMAIL_WEBHOOK_TOKEN", random()),
                env.getOrDefault("REPORTING_REPORT_LINK_KEY", random()));
    }

    /** 24 random bytes, URL-safe Base64: also fit for keytool, SCRAM and JAAS, which take no quoting. */
    static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
