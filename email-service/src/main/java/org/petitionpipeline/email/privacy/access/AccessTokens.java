package org.petitionpipeline.email.privacy.access;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.web.PersonTokens;

/**
 * The link in the mail to a person's export: whoever can read mail at the address may see what is held about it,
 * nobody else. Short-lived ({@code email.access-token-lifetime}): a forwarded or leaked mail stops exposing it soon.
 */
@Startup
@Singleton
public class AccessTokens extends PersonTokens {

    public AccessTokens(EmailConfig config) {
        super(config.tokenKey(), "access", config.accessTokenLifetime());
    }
}
