package org.petitionpipeline.reporting.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Bearer token of organizers for {@code /api/admin/**} (env {@code REPORTING_ADMIN_TOKEN}). */
    String adminToken();

    /** How often petitions not yet acknowledged on the petitions topic are published again. */
    Duration catalogRelayInterval();

    /** Totals every petition's milestones are recorded at, besides its goal. */
    List<Long> milestones();

    /** How often recorded milestones not yet acknowledged on {@code petitions.milestones} are published. */
    Duration milestoneRelayInterval();

    LiveTotal liveTotal();

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
