package org.petitionpipeline.reporting.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.PersonErasure;

/**
 * The tombstones of erased people, read by every insert of signer rows (see
 * {@link org.petitionpipeline.reporting.reports.repository.SignerRepository}).
 */
@ApplicationScoped
public class ErasedPersonRepository {

    /*
     * One row per person: a later request of the same person moves requested_at forward (more late events are then
     * stored anonymized); a replayed or older request changes nothing.
     */
    private static final String REMEMBER = """
            insert into reporting.erased_person (email_hash, erasure_id, requested_at, erased_at)
            values (?, ?, ?, now())
            on conflict (email_hash) do update
                set erasure_id = excluded.erasure_id, requested_at = excluded.requested_at,
                    erased_at = excluded.erased_at
                where excluded.requested_at > reporting.erased_person.requested_at""";

    private final DataSource dataSource;

    public ErasedPersonRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void remember(PersonErasure erasure) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(REMEMBER)) {
            upsert.setString(1, erasure.emailHash());
            upsert.setObject(2, erasure.erasureId());
            upsert.setTimestamp(3, Timestamp.from(erasure.requestedAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record erasure " + erasure.erasureId(), e);
        }
    }
}
