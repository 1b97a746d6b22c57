package org.petitionpipeline.reporting.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.petitionpipeline.contracts.http.BearerToken;

/** The organizers' bearer token, built when the service starts, so a weak one never goes live. */
@ApplicationScoped
public class AdminToken {

    @Produces
    @Startup
    @Singleton
    BearerToken organizerToken(ReportingConfig config) {
        return new BearerToken("REPORTING_ADMIN_TOKEN", config.adminToken(), "organizer");
    }
}
