package org.petitionpipeline.kit;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/** Whether a failure is a dependency that is away for now (a database restarting, a broker gone) or a bug. */
public final class Outages {

    private Outages() {
    }

    /** Connection-class SQL states (08…), operator intervention (57P…), insufficient resources (53…). */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))
                        || sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A database or broker outage: the same work may succeed once it is back. */
    public static boolean isTransient(Throwable failure) {
        if (isDatabaseUnavailable(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the broker not acknowledging in time: Kafka's own retriable errors, or our bounded wait running out
            if (cause instanceof RetriableException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
