package org.petitionpipeline.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.petitionpipeline.contracts.EmailHasher;

public class EmailHasherProducer {

    @Produces
    @Singleton
    EmailHasher emailHasher(PipelineConfig config) {
        return new EmailHasher(config.emailHashKey());
    }
}
