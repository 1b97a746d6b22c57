package org.petitionpipeline.reporting.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Bearer token of organizers for {@code /api/admin/**} (env {@code REPORTING_ADMIN_TOKEN}). */
    String adminToken();

    /** How often petitions not yet acknowledged on the petitions topic are published again. */
    Duration catalogRelayInterval();
}
