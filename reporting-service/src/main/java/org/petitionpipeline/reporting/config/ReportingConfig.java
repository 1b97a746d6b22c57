package org.petitionpipeline.reporting.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Bearer token of organizers for {@code /api/admin/**} (env {@code REPORTING_ADMIN_TOKEN}). */
    String adminToken();
}
