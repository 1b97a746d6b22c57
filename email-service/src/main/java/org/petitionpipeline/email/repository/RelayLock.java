package org.petitionpipeline.email.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock that lets one instance at a time relay an outbox of events: two relays publishing
 * one person's changes concurrently could put an older change after a newer one on the topic.
 */
@ApplicationScoped
public class RelayLock {

    /** Any fixed numbers; the keys of each relay's advisory lock. */
    public static final long SUBSCRIPTION_RELAY = 4_711_001L;
    public static final long VERIFICATION_RELAY = 4_711_002L;

    private final DataSource dataSource;

    public RelayLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or empty when another instance holds it; closing the handle releases it. */
    public Optional<Held> tryAcquire(long key) {
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
            throw new IllegalStateException("could not ask for the relay lock", e);
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
                throw new IllegalStateException("could not release the relay lock", e);
            }
        }
    }
}
