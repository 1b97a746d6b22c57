package org.petitionpipeline.intake;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;
import org.petitionpipeline.intake.config.CorsConfig;
import org.petitionpipeline.intake.config.EmbedConfig;
import org.petitionpipeline.intake.config.IntakeConfig;
import org.petitionpipeline.kit.config.PipelineConfig;
import org.petitionpipeline.testsupport.configreference.ConfigurationReference;

/** docs/configuration.md lists exactly what this service reads, with its real variables and defaults. */
class ConfigurationReferenceTest {

    @Test
    void theReferenceListsEveryPropertyThisServiceReadsAndNothingElse() {
        ConfigurationReference.of("signature-intake")
                .mappings(IntakeConfig.class, AbuseDefenceConfig.class, CorsConfig.class, EmbedConfig.class,
                        PipelineConfig.class)
                .extensionSettings("quarkus.http.host")
                .assertComplete();
    }
}
