package org.petitionpipeline.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Settings every service of the pipeline must share. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** HMAC key of the email hash (env {@code PIPELINE_EMAIL_HASH_KEY}); the same in every service. */
    String emailHashKey();

    /**
     * Mail providers that deliver several spellings of an address to one inbox, by domain: they make one person,
     * so one signature, and one erasure. Defaults in service-kit's shared configuration; the same in every service.
     */
    Map<String, MailboxProvider> mailboxProviders();

    interface MailboxProvider {

        /** {@code j.doe} and {@code jdoe} are one mailbox (Gmail). */
        @WithDefault("false")
        boolean ignoreDots();

        /** {@code jdoe+petitions} is {@code jdoe}: the provider delivers sub-addresses to the main inbox. */
        @WithDefault("false")
        boolean stripPlusTag();

        /** Another domain of the same mailboxes ({@code googlemail.com} is {@code gmail.com}). */
        Optional<String> sameAs();
    }
}
