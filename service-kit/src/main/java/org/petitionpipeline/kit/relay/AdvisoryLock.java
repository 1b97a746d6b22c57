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

    private static final Duration RETRY_PAUSE = Duration.ofMillis(20);

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

    /** The held lock once whoever holds it lets go, or empty when that takes longer than {@code wait}. */
    public Optional<Held> acquire(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Held> held = tryAcquire();
        while (held.isEmpty() && System.nanoTime() + RETRY_PAUSE.toNanos() < deadline) {
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            held = tryAcquire();
        }
        return held;
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
