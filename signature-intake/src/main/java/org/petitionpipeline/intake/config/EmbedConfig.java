package org.petitionpipeline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What the embed widget ({@code /embed.js}) needs to know about the deployment it is served from. */
@ConfigMapping(prefix = "intake.embed")
public interface EmbedConfig {

    /**
     * Origin of reporting-service's public total (e.g. {@code https://totals.example}). Unset: the widget asks
     * intake's own origin, which is right when one ingress routes {@code /api/petitions/*}{@code /total} to reporting.
     */
    Optional<String> totalsUrl();

    /**
     * Origin of email-service's privacy pages, where signers erase their data (e.g. {@code https://mail.example}).
     * Unset: intake's own origin, which is right when one ingress routes {@code /privacy/erase} to email.
     */
    Optional<String> privacyRequestsUrl();

    /** The privacy notice the consent box links to; relative addresses are on intake's origin. */
    @WithDefault("/privacy")
    String privacyUrl();
}
