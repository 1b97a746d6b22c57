package org.petitionpipeline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Which web pages may embed the signing form, unless a petition names its own origins. */
@ConfigMapping(prefix = "intake.cors")
public interface CorsConfig {

    /** Origins such as {@code https://news.example}; {@code *} lets any page embed petitions without a list. */
    @WithDefault("*")
    List<String> allowedOrigins();

    /** How long a browser may cache a preflight answer. */
    @WithDefault("10m")
    Duration maxAge();
}
