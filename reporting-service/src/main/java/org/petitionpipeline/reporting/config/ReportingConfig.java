package org.petitionpipeline.reporting.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /**
     * The deployment's organizer token (env {@code REPORTING_ADMIN_TOKEN}): on {@code /api/admin/**} a platform
     * operator owning the organization {@code default}; people use their own API tokens.
     */
    String adminToken();

    /** Token of ops for the ops console {@code /ops} (env {@code REPORTING_OPS_TOKEN}); must differ from the organizers'. */
    String opsToken();

    Console console();

    Login login();

    Identity identity();

    Sso sso();

    Ops ops();

    /** How often petitions not yet acknowledged on the petitions topic are published again. */
    Duration catalogRelayInterval();

    /** Totals every petition's milestones are recorded at, besides its goal. */
    List<Long> milestones();

    /** How often recorded milestones not yet acknowledged on {@code petitions.milestones} are published. */
    Duration milestoneRelayInterval();

    LiveTotal liveTotal();

    Retention retention();

    /** The organizer and ops consoles in the browser. */
    interface Console {

        /** How long a login lasts before the password (or token) must be given again. */
        Duration sessionLifetime();
    }

    /**
     * Password attempts one client address may make at the console's login, per instance: {@code burst} at once,
     * then {@code perMinute}. Each account also locks itself after repeated failures, across instances.
     */
    interface Identity {

        /**
         * How long an access token that reporting-service issues stays valid. Other services cannot ask whether it was
         * revoked, so this bounds how long a revoked API token still works there.
         */
        Duration accessTokenLifetime();
    }

    interface Login {

        int burst();

        int perMinute();
    }

    /**
     * Single sign-on at an OpenID Connect provider (the OIDC tenant {@code sso}, configured with
     * {@code REPORTING_SSO_*}; docs/organizations.md#single-sign-on).
     */
    interface Sso {

        /**
         * A value of the ID token's {@code groups} claim that makes the person a platform operator: each single
         * sign-on then sets or clears the account's operator flag from it. Unset, single sign-on changes no flag.
         */
        Optional<String> operatorGroup();
    }

    /** The ops console's figures, sampled from Kafka and the database while someone watches. */
    interface Ops {

        /** How often the figures are sampled; rates are the difference between two samples. */
        Duration sampleInterval();

        /** Samples kept for the rate chart. */
        int samplesKept();

        /** Sampling stops when nobody asked for the figures for this long, so an unwatched console costs nothing. */
        Duration idleAfter();

        /** The consumer group of email-service: its lag is the email backlog. */
        String emailGroup();
    }

    /** How long signers' personal data is kept after their petition closes (docs/privacy.md, Retention). */
    interface Retention {

        /** The period of every petition whose organizer chose none shorter; an organizer may only shorten it. */
        Duration afterClose();

        /** How often the job looks for petitions whose period ran out; a petition is anonymized that much late at most. */
        Duration interval();
    }

    /** The total streamed to embeds as server-sent events. */
    interface LiveTotal {

        /** How often the totals of followed petitions are read and changes sent: at most one event per tick. */
        Duration tick();

        /** How often a comment line is sent, so proxies do not close a stream that has no news. */
        Duration heartbeatInterval();

        /** Events a listener may fall behind by before it is disconnected (it may reconnect and catch up). */
        int maxBacklog();
    }
}
