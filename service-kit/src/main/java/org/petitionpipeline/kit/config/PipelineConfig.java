package org.petitionpipeline.kit.config;

import io.smallrye.config.ConfigMapping;

/** Settings every service of the pipeline must share. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** HMAC key of the email hash (env {@code PIPELINE_EMAIL_HASH_KEY}); the same in every service. */
    String emailHashKey();
}
