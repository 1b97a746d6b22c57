package org.petitionpipeline.dedup;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.dedup.config.DedupConfig;
import org.petitionpipeline.kit.config.PipelineConfig;
import org.petitionpipeline.kit.identity.IdentityConfig;
import org.petitionpipeline.testsupport.configreference.ConfigurationReference;

/** docs/configuration.md lists exactly what this service reads, with its real variables and defaults. */
class ConfigurationReferenceTest {

    @Test
    void theReferenceListsEveryPropertyThisServiceReadsAndNothingElse() {
        ConfigurationReference.of("dedup-service")
                .mappings(DedupConfig.class, PipelineConfig.class, IdentityConfig.class)
                .extensionSettings("quarkus.http.host", "quarkus.datasource.password")
                .assertComplete();
    }
}
