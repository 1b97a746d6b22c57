package org.petitionpipeline.email.web;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.http.BearerToken;

/** The bearer tokens of the service's APIs, built when the service starts, so a weak one never goes live. */
@ApplicationScoped
public class ApiTokens {

    public static final String WEBHOOK = "webhook-token";
    public static final String ADMIN = "admin-token";

    @Produces
    @Startup
    @Singleton
    @Named(WEBHOOK)
    BearerToken webhookToken(EmailConfig config) {
        return new BearerToken("EMAIL_WEBHOOK_TOKEN", config.webhookToken(), "mail provider's webhook");
    }

    @Produces
    @Startup
    @Singleton
    @Named(ADMIN)
    BearerToken adminToken(EmailConfig config) {
        return new BearerToken("EMAIL_ADMIN_TOKEN", config.adminToken(), "organizer");
    }
}
