package org.petitionpipeline.kit.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL session-level advisory lock: one instance at a time does what it guards. Nothing but the lock is
 * held (no transaction, no row), so no writer ever waits for whoever holds it.
 */
public final class AdvisoryLock {

    /** PostgreSQL's SQLSTATE for a lock wait that ran past {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;
    private final long key;

    /** @param key any fixed number, unique among the locks of the database */
    public AdvisoryLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** The held lock, or empty when another instance holds it; closing the handle releases it. */
    public Optional<Held> tryAcquire() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet acquired = lock.executeQuery()) {
                    if (acquired.next() && acquired.getBoolean(1)) {
                        return Optional.of(new Held(connection, key));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask for advisory lock " + key, e);
        }
    }

    /**
     * The held lock once whoever holds it lets go, or empty when that takes longer than {@code wait}. PostgreSQL
     * does the waiting ({@code pg_advisory_lock} under a {@code lock_timeout}), so the lock goes to the next waiter
     * the moment it is released, without polling.
     */
    public Optional<Held> acquire(Duration wait) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (lockWithin(connection, wait)) {
                    return Optional.of(new Held(connection, key));
                }
                connection.close();
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not wait for advisory lock " + key, e);
        }
    }

    private boolean lockWithin(Connection connection, Duration wait) throws SQLException {
        setLockTimeout(connection, Math.max(1, wait.toMillis()) + "ms");
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            setLockTimeout(connection, "0");
        }
    }

    /** Session-wide, as the lock is; the pooled connection gets the default (no limit) back before it is shared. */
    private static void setLockTimeout(Connection connection, String timeout) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('lock_timeout', ?, false)")) {
            set.setString(1, timeout);
            set.execute();
        }
    }

    /** A session-level lock lives on its connection: the same connection must release it. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release advisory lock " + key, e);
            }
        }
    }
}
