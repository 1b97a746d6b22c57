package org.petitionpipeline.email;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.kit.config.PipelineConfig;
import org.petitionpipeline.kit.identity.IdentityConfig;
import org.petitionpipeline.testsupport.configreference.ConfigurationReference;

/** docs/configuration.md lists exactly what this service reads, with its real variables and defaults. */
class ConfigurationReferenceTest {

    @Test
    void theReferenceListsEveryPropertyThisServiceReadsAndNothingElse() {
        ConfigurationReference.of("email-service")
                .mappings(EmailConfig.class, PipelineConfig.class, IdentityConfig.class)
                .extensionSettings("quarkus.http.host", "quarkus.datasource.password",
                        "quarkus.mailer.username", "quarkus.mailer.password", "quarkus.mailer.start-tls",
                        "quarkus.mailer.tls", "quarkus.mailer.dkim.enabled", "quarkus.mailer.dkim.private-key",
                        "quarkus.mailer.dkim.private-key-path", "quarkus.mailer.dkim.sdid",
                        "quarkus.mailer.dkim.selector")
                .assertComplete();
    }
}
