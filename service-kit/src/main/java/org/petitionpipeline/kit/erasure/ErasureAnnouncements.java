package org.petitionpipeline.kit.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The outbox of {@code people.erasures.done} every service that erases keeps, in its own schema as
 * {@code <schema>.erasure_done (erasure_id uuid primary key, email_hash text, records int, done_at timestamptz,
 * published_at timestamptz)}: written in the transaction that erases, relayed after the commit by
 * {@link ErasureDoneRelay}. One row per erasure: a replayed request finds it and is announced no second time (the
 * requester keeps the first announcement).
 */
public final class ErasureAnnouncements implements Outbox<ErasureDone> {

    private final DataSource dataSource;
    private final Service service;
    private final long relayLockKey;
    private final String record;
    private final String recorded;
    private final String unpublished;
    private final String markPublished;

    /**
     * @param schema       the service's schema, which holds {@code erasure_done}
     * @param relayLockKey the advisory lock one relaying instance holds, unique in the database
     */
    public ErasureAnnouncements(DataSource dataSource, String schema, Service service, long relayLockKey) {
        this.dataSource = dataSource;
        this.service = service;
        this.relayLockKey = relayLockKey;
        String table = schema + ".erasure_done";
        this.record = "insert into " + table + " (erasure_id, email_hash, records, done_at) values (?, ?, ?, ?) "
                + "on conflict (erasure_id) do nothing";
        this.recorded = "select 1 from " + table + " where erasure_id = ?";
        this.unpublished = "select erasure_id, email_hash, records, done_at from " + table
                + " where published_at is null order by done_at, erasure_id limit ?";
        this.markPublished = "update " + table + " set published_at = now() where erasure_id = any(?)";
    }

    /** Whether this erasure was carried out here already: a replay changes nothing. */
    public boolean isRecorded(UUID erasureId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(recorded)) {
            query.setObject(1, erasureId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up erasure " + erasureId, e);
        }
    }

    /** Records the announcement in the transaction the caller's connection is in; false when it was recorded before. */
    public boolean record(Connection connection, PersonErasure erasure, int records) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(record)) {
            insert.setObject(1, erasure.erasureId());
            insert.setString(2, erasure.emailHash());
            insert.setInt(3, records);
            // microseconds, as PostgreSQL keeps them: the time announced is the time stored
            insert.setTimestamp(4, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            return insert.executeUpdate() == 1;
        }
    }

    /** As {@link #record(Connection, PersonErasure, int)}, on a connection of the current (JTA) transaction. */
    public boolean record(PersonErasure erasure, int records) {
        try (Connection connection = dataSource.getConnection()) {
            return record(connection, erasure, records);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record erasure " + erasure.erasureId() + " done", e);
        }
    }

    @Override
    public List<ErasureDone> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(unpublished)) {
            query.setInt(1, limit);
            List<ErasureDone> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new ErasureDone(EventSchema.VERSION, rows.getObject("erasure_id", UUID.class),
                            rows.getString("email_hash"), service.module(), rows.getInt("records"),
                            rows.getTimestamp("done_at").toInstant()));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unannounced erasures", e);
        }
    }

    @Override
    public void markPublished(List<ErasureDone> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(markPublished)) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(ErasureDone::erasureId).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " erasures announced", e);
        }
    }

    long relayLockKey() {
        return relayLockKey;
    }
}
