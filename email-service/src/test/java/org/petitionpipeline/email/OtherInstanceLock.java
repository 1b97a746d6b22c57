package org.petitionpipeline.email;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * An advisory lock held as another instance of the service would hold it: on a connection of its own, until
 * closed. The service takes its locks briefly and often, so taking one is tried until it is had, with a bound.
 */
public final class OtherInstanceLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private OtherInstanceLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    public static OtherInstanceLock holding(DataSource dataSource, long key) throws SQLException {
        OtherInstanceLock lock = new OtherInstanceLock(dataSource.getConnection(), key);
        await().atMost(Duration.ofSeconds(10)).until(lock::tryTake);
        return lock;
    }

    private boolean tryTake() throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            take.setLong(1, key);
            try (ResultSet taken = take.executeQuery()) {
                return taken.next() && taken.getBoolean(1);
            }
        }
    }

    /** Lets go, as the other instance finishing its round (or dying) does. */
    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement release = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            release.setLong(1, key);
            release.execute();
        }
    }
}
