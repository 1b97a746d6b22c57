package org.petitionpipeline.dedup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "dedup")
public interface DedupConfig {

    /** A list of disposable email domains to use instead of the one shipped (one domain per line, # comments). */
    Optional<Path> disposableDomainsFile();

    /** When signatures are held for review instead of counted. */
    Holds holds();

    /**
     * Fraud signals: more signatures than a limit from one source within one window (windows are aligned to the
     * clock and use the time intake received each signature, so a backlog processed late is not a burst). The
     * signatures over a limit are held; an unset limit is no limit. The counts are kept in PostgreSQL, shared by
     * every dedup instance.
     */
    interface Holds {

        @WithDefault("10M")
        Duration window();

        /** From one client IP address. */
        Optional<Integer> perAddress();

        /** From one network: an IPv4 /24 or an IPv6 /64. */
        Optional<Integer> perNetwork();

        /** With addresses at one email domain, except the {@link #commonDomains()}. */
        Optional<Integer> perDomain();

        /** Mail providers so many people use that a burst of their addresses says nothing. */
        @WithDefault("gmail.com,googlemail.com,yahoo.com,outlook.com,hotmail.com,live.com,icloud.com,me.com,aol.com,proton.me,protonmail.com,gmx.de,gmx.net,web.de,yahoo.co.uk,btinternet.com,comcast.net")
        List<String> commonDomains();

        /** On one petition (a surge of a real campaign looks the same: unset by default). */
        Optional<Integer> perPetition();
    }
}
