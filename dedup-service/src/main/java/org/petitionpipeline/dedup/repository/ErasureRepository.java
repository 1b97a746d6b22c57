package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;

/**
 * Erased people: their signatures anonymized, the tombstone that keeps a late signature of theirs anonymous, and
 * the announcement that dedup is done, all in one transaction.
 */
@ApplicationScoped
public class ErasureRepository {

    /** What an erased row says instead of why it was held or struck out (a hold names the IP or the domain). */
    public static final String ERASED_REASON = "erased at the signer's request";

    /* A later request of the same person (who signed again since) moves the tombstone on; a replay does not. */
    private static final String REMEMBER = """
            insert into dedup.erased_person as e (email_hash, erasure_id, requested_at, erased_at) values (?, ?, ?, ?)
            on conflict (email_hash) do update
            set erasure_id = excluded.erasure_id, requested_at = excluded.requested_at, erased_at = excluded.erased_at
            where excluded.requested_at > e.requested_at""";

    private static final String REQUESTED = """
            select email_hash, requested_at from dedup.erased_person where email_hash = any(?)""";

    private final DataSource dataSource;
    private final ErasureAnnouncements announcements;

    public ErasureRepository(DataSource dataSource, ErasureAnnouncements announcements) {
        this.dataSource = dataSource;
        this.announcements = announcements;
    }

    /** Anonymizes the person's signatures, remembers them and records the announcement; returns the rows changed. */
    public int erase(PersonErasure erasure, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int records = SignatureAnonymizer.person(connection, erasure.emailHash(), erasure.requestedAt(),
                        ERASED_REASON);
                remember(connection, erasure, now);
                announcements.record(connection, erasure, records);
                connection.commit();
                return records;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not carry out erasure " + erasure.erasureId(), e);
        }
    }

    /** When each of these people who were erased asked for it; the others are not in the map. */
    public Map<String, Instant> requestedAt(Collection<String> emailHashes) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(REQUESTED)) {
            query.setArray(1, connection.createArrayOf("text", emailHashes.toArray()));
            Map<String, Instant> requested = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    requested.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
            return requested;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up " + emailHashes.size() + " people among the erased", e);
        }
    }

    private static void remember(Connection connection, PersonErasure erasure, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(REMEMBER)) {
            upsert.setString(1, erasure.emailHash());
            upsert.setObject(2, erasure.erasureId());
            upsert.setTimestamp(3, Timestamp.from(erasure.requestedAt()));
            upsert.setTimestamp(4, Timestamp.from(now));
            upsert.executeUpdate();
        }
    }
}
