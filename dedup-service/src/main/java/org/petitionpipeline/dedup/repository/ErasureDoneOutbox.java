package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.relay.Outbox;

/** The announcements of finished erasures: recorded with the erasure, relayed to Kafka after the commit. */
@ApplicationScoped
public class ErasureDoneOutbox implements Outbox<ErasureDone> {

    /** Who is done, as the erasure's requester tracks it: this module's name. */
    public static final String SERVICE = "dedup-service";

    /* A replayed request finds its erasure's row and announces nothing new: the first announcement stands. */
    private static final String RECORD = """
            insert into dedup.erasure_done (erasure_id, email_hash, records, done_at) values (?, ?, ?, ?)
            on conflict (erasure_id) do nothing""";

    private static final String UNPUBLISHED = """
            select erasure_id, email_hash, records, done_at from dedup.erasure_done
            where published_at is null order by done_at, erasure_id limit ?""";

    private final DataSource dataSource;

    public ErasureDoneOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the announcement in the caller's transaction on {@code connection}. */
    void record(Connection connection, ErasureDone done) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, done.erasureId());
            insert.setString(2, done.emailHash());
            insert.setInt(3, done.records());
            insert.setTimestamp(4, Timestamp.from(done.doneAt()));
            insert.executeUpdate();
        }
    }

    @Override
    public List<ErasureDone> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
            query.setInt(1, limit);
            List<ErasureDone> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new ErasureDone(EventSchema.VERSION, rows.getObject("erasure_id", UUID.class),
                            rows.getString("email_hash"), SERVICE, rows.getInt("records"),
                            rows.getTimestamp("done_at").toInstant()));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unpublished erasure announcements", e);
        }
    }

    @Override
    public void markPublished(List<ErasureDone> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update dedup.erasure_done set published_at = now() where erasure_id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(ErasureDone::erasureId).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " erasure announcements published", e);
        }
    }
}
