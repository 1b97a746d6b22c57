package org.petitionpipeline.dedup.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.petitionpipeline.kit.http.BearerToken;

/** The ops bearer token, built when the service starts, so a weak one never goes live. */
@ApplicationScoped
public class AdminToken {

    @Produces
    @Startup
    @Singleton
    BearerToken opsToken(DedupConfig config) {
        return new BearerToken("DEDUP_ADMIN_TOKEN", config.adminToken(), "ops");
    }
}
