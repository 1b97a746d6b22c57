package org.petitionpipeline.email.web;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.http.BearerToken;

/** The mail provider's webhook token, built when the service starts, so a weak one never goes live. */
@ApplicationScoped
public class ApiTokens {

    @Produces
    @Startup
    @Singleton
    BearerToken webhookToken(EmailConfig config) {
        return new BearerToken("EMAIL_WEBHOOK_TOKEN", config.webhookToken(), "mail provider's webhook");
    }
}
