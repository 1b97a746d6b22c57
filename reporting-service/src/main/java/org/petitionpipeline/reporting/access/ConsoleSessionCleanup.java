package org.petitionpipeline.reporting.access;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Deletes console sessions once they ended, every hour, on every instance: a delete of rows nobody reads any more
 * can run twice without harm, so it needs no lock.
 */
@ApplicationScoped
public class ConsoleSessionCleanup {

    private final ConsoleSessions sessions;
    private final Clock clock;

    public ConsoleSessionCleanup(ConsoleSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedSessions() {
        int forgotten = sessions.forgetEnded(clock.instant());
        if (forgotten > 0) {
            Log.infof("deleted %d ended console sessions", forgotten);
        }
    }
}
