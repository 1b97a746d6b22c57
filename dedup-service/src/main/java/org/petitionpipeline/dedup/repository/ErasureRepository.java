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

    /*
     * Every row of the person received at or before the request loses what names them; a row received after it is
     * a new signature with fresh consent and stays. What counts stays: petition, status, email hash, country,
     * region, times, consent. Held rows stay held, anonymized: whether they count is still ops' call (by petition,
     * time or ids; the IP and domain criteria no longer find them).
     *
     * household_member is the signer's name and part of the unique key. An erased row takes its own id instead,
     * except one row per petition that takes '' where the person has no '' row there yet (keeper): a late signature
     * of theirs is stored as '' (it has no name left to be a household member by), so the unique key alone still
     * finds it a duplicate. A new household signature of that email is refused because the erased rows' postal
     * code (null) differs from its own. The keeper is chosen in a fixed order, so two instances erasing at once
     * choose the same one. email is null on every anonymized row: a replayed erasure finds nothing left to do.
     */
    private static final String ANONYMIZE = """
            with person as (
                select submission_id, petition_slug, received_at from dedup.signature
                where email_hash = ? and received_at <= ? and email is not null),
            keeper as (
                select distinct on (petition_slug) submission_id from person p
                where not exists (select 1 from dedup.signature s
                    where s.petition_slug = p.petition_slug and s.email_hash = ? and s.household_member = '')
                order by petition_slug, received_at, submission_id)
            update dedup.signature s
            set email = null, given_name = null, family_name = null, postal_code = null, comments = null,
                client_ip = null, user_agent = null, referrer = null,
                status_reason = case when s.status_reason is not null then ?::text end,
                household_member = case when s.household_member = '' or s.submission_id in (select * from keeper)
                    then '' else s.submission_id::text end
            where s.submission_id in (select submission_id from person) and s.email is not null""";

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
                int records = anonymize(connection, erasure);
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

    private static int anonymize(Connection connection, PersonErasure erasure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ANONYMIZE)) {
            update.setString(1, erasure.emailHash());
            update.setTimestamp(2, Timestamp.from(erasure.requestedAt()));
            update.setString(3, erasure.emailHash());
            update.setString(4, ERASED_REASON);
            return update.executeUpdate();
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
