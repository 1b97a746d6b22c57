package org.petitionpipeline.reporting;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.identity.IdentityConfig;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.testsupport.configreference.ConfigurationReference;

/** docs/configuration.md lists exactly what this service reads, with its real variables and defaults. */
class ConfigurationReferenceTest {

    @Test
    void theReferenceListsEveryPropertyThisServiceReadsAndNothingElse() {
        ConfigurationReference.of("reporting-service")
                .mappings(ReportingConfig.class, DeliveryReportConfig.class, IdentityConfig.class,
                        WebhooksConfig.class)
                .extensionSettings("quarkus.http.host", "quarkus.datasource.password")
                .assertComplete();
    }
}
