package org.petitionpipeline.kit.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pipeline's access tokens, which reporting-service signs and every service with an admin API checks. */
@ConfigMapping(prefix = "pipeline.identity")
public interface IdentityConfig {

    /* also in service-kit's shared configuration, as the defaults of smallrye-jwt's mp.jwt.* settings */
    String DEFAULT_ISSUER = "urn:petition-pipeline:reporting";
    String DEFAULT_JWKS_URL = "http://localhost:8084/.well-known/jwks.json";

    /** Who signs the tokens: their {@code iss}, the same in every service (env {@code PIPELINE_IDENTITY_ISSUER}). */
    @WithDefault(DEFAULT_ISSUER)
    String issuer();

    /**
     * Where reporting-service publishes the keys that verify them, a JWKS document (env
     * {@code PIPELINE_IDENTITY_JWKS_URL}).
     */
    @WithDefault(DEFAULT_JWKS_URL)
    String jwksUrl();
}
