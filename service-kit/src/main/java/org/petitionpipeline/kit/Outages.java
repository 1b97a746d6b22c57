package org.petitionpipeline.kit;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether a failure is a dependency that is away for now (a database restarting, a broker gone), a collision
 * with another transaction that running again resolves, or a bug.
 */
public final class Outages {

    private Outages() {
    }

    /** Connection-class SQL states (08…), operator intervention (57P…), insufficient resources (53…). */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof ConnectException
                || cause instanceof SQLException sql && (hasState(sql, "08") || hasState(sql, "57P")
                        || hasState(sql, "53")
                        || sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")));
    }

    /**
     * PostgreSQL aborted the transaction because it collided with another one: a deadlock (40P01), e.g. two
     * instances of a service writing the same keys in different orders, or a serialization failure (40001).
     * The other transaction went through, so the same work run again succeeds.
     */
    public static boolean isDatabaseConflict(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof SQLException sql
                && (hasState(sql, "40P01") || hasState(sql, "40001")));
    }

    /** A database or broker outage, or a database conflict: the same work may succeed when tried again. */
    public static boolean isTransient(Throwable failure) {
        // the broker not acknowledging in time: Kafka's own retriable errors, or our bounded wait running out
        return isDatabaseUnavailable(failure) || isDatabaseConflict(failure)
                || causes(failure).anyMatch(cause -> cause instanceof RetriableException
                        || cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException);
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }

    private static boolean hasState(SQLException sql, String prefix) {
        return sql.getSQLState() != null && sql.getSQLState().startsWith(prefix);
    }
}
