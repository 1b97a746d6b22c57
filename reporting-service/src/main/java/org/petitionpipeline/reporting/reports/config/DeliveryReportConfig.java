package org.petitionpipeline.reporting.reports.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "reporting.delivery-report")
public interface DeliveryReportConfig {

    /** HMAC key of the download links mailed to organizers (env {@code REPORTING_REPORT_LINK_KEY}). */
    String linkKey();

    /** How long a mailed download link works. */
    Duration linkLifetime();

    /** Where this service is reached from outside, e.g. {@code https://reports.example.org}: the links start so. */
    String publicUrl();

    /** How often delivery reports recorded at milestones and not yet acknowledged on reports.ready are published. */
    Duration relayInterval();
}
