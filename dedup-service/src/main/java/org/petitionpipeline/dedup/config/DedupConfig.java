package org.petitionpipeline.dedup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "dedup")
public interface DedupConfig {

    /**
     * Mail providers that deliver several spellings of an address to one inbox, by domain: they make one
     * person, so one signature.
     */
    Map<String, Provider> providers();

    /** A list of disposable email domains to use instead of the one shipped (one domain per line, # comments). */
    Optional<Path> disposableDomainsFile();

    interface Provider {

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
