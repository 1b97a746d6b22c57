package org.petitionpipeline.email.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.petitionpipeline.contracts.http.BearerToken;

/** The mail provider's bearer token for the webhooks, built when the service starts, so a weak one never goes live. */
@ApplicationScoped
public class WebhookToken {

    @Produces
    @Startup
    @Singleton
    BearerToken webhookToken(EmailConfig config) {
        return new BearerToken("EMAIL_WEBHOOK_TOKEN", config.webhookToken(), "mail provider's webhook");
    }
}
