package org.petitionpipeline.reporting.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.relay.Outbox;

/** The outbox of {@code people.erasures.done}: recorded with the erasure, announced after the commit. */
@ApplicationScoped
public class ErasureDoneRepository implements Outbox<ErasureDone> {

    /*
     * A replayed request finds its row and is answered again with what the first one did (its records and time):
     * whoever asks again, e.g. after missing the answer, is told again.
     */
    private static final String RECORD = """
            insert into reporting.erasure_done (erasure_id, email_hash, records, done_at)
            values (?, ?, ?, now())
            on conflict (erasure_id) do update set published_at = null""";

    private static final String UNPUBLISHED = """
            select * from reporting.erasure_done where published_at is null
            order by done_at limit ?""";

    private static final String MARK_PUBLISHED = """
            update reporting.erasure_done set published_at = now() where erasure_id = any(?)""";

    private final DataSource dataSource;

    public ErasureDoneRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param records the signer rows this erasure anonymized */
    public void record(PersonErasure erasure, int records) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, erasure.erasureId());
            insert.setString(2, erasure.emailHash());
            insert.setInt(3, records);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record erasure " + erasure.erasureId() + " done", e);
        }
    }

    @Override
    public List<ErasureDone> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
            query.setInt(1, limit);
            List<ErasureDone> done = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    done.add(new ErasureDone(EventSchema.VERSION, rows.getObject("erasure_id", UUID.class),
                            rows.getString("email_hash"), Service.REPORTING.module(), rows.getInt("records"),
                            rows.getTimestamp("done_at").toInstant()));
                }
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unannounced erasures", e);
        }
    }

    @Override
    public void markPublished(List<ErasureDone> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(ErasureDone::erasureId).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " erasures announced", e);
        }
    }
}
