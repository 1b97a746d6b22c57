package org.petitionpipeline.email.privacy;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.web.PersonTokens;

/**
 * The link in the mail that confirms an erasure: whoever can read mail at the address may erase what is held about
 * it, nobody else. Short-lived ({@code email.erasure-token-lifetime}): erasing cannot be undone.
 */
@Startup
@Singleton
public class ErasureTokens extends PersonTokens {

    public ErasureTokens(EmailConfig config) {
        super(config.tokenKey(), "erase", config.erasureTokenLifetime());
    }
}
