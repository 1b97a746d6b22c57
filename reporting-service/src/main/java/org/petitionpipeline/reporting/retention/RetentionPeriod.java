package org.petitionpipeline.reporting.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.petitionpipeline.reporting.config.ReportingConfig;

/** How long after its close a petition's signers keep their personal data here. */
@ApplicationScoped
public class RetentionPeriod {

    private final Duration deploymentPeriod;

    public RetentionPeriod(ReportingConfig config) {
        this.deploymentPeriod = config.retention().afterClose();
    }

    /** The period of a petition whose organizer chose none, and the longest of any. */
    public Duration deployment() {
        return deploymentPeriod;
    }

    /**
     * The organizer's days, or the deployment's period when they chose none. Never longer than the deployment's: a
     * period chosen when the deployment's was longer shrinks with it, as the privacy notice promises.
     */
    public Duration of(Integer retentionDays) {
        if (retentionDays == null) {
            return deploymentPeriod;
        }
        Duration chosen = Duration.ofDays(retentionDays);
        return chosen.compareTo(deploymentPeriod) < 0 ? chosen : deploymentPeriod;
    }
}
