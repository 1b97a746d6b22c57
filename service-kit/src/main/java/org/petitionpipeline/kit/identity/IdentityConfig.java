package org.petitionpipeline.kit.identity;

import io.smallrye.config.ConfigMapping;

/** The pipeline's access tokens, which reporting-service signs and every service with an admin API checks. */
@ConfigMapping(prefix = "pipeline.identity")
public interface IdentityConfig {

    /** Who signs the tokens: their {@code iss}, the same in every service (env {@code PIPELINE_IDENTITY_ISSUER}). */
    String issuer();

    /**
     * Where reporting-service publishes the keys that verify them, a JWKS document (env
     * {@code PIPELINE_IDENTITY_JWKS_URL}).
     */
    String jwksUrl();
}
