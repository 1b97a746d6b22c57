package org.petitionpipeline.reporting.reports.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.CountedSignature;

/**
 * Keeps what a delivery report lists of each accepted signature, and erases it at the signer's request or when the
 * petition's retention ran out.
 */
@ApplicationScoped
public class SignerRepository {

    /*
     * Signer inserts take this lock shared and an erasure takes it exclusively, each before it reads: otherwise an
     * erasure and a batch of the person's signatures committing side by side would each miss the other's rows (the
     * batch would not see the tombstone, the erasure not the batch's rows). Shared holders never wait on each other;
     * erasures are rare and take milliseconds. Any fixed number, unique among the database's advisory locks.
     */
    private static final long ERASURE_LOCK_KEY = 4_712_004L;

    /*
     * Region and country are kept as the breakdowns count them, so a report's rows add up to its breakdown table. A
     * signature of an erased person accepted at or before the erasure's requested_at (a late or replayed event) is
     * stored as the erasure would have left it; one accepted after is a new signature, given with fresh consent. A
     * late signature of a petition already anonymized (a backlog older than its retention) is stored anonymized too.
     */
    private static final String RECORD_NEW = """
            insert into reporting.signer (signature_id, petition_slug, email_hash, given_name, family_name,
                                          postal_code, region, country, comment, signed_at, erased_at)
            select id, batch.slug, kept.email_hash, kept.given_name, kept.family_name, kept.postal_code,
                   nullif(upper(trim(region)), ''), nullif(upper(trim(country)), ''), kept.comment, signed_at,
                   kept.erased_at
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::timestamptz[])
                as batch(id, slug, email_hash, given_name, family_name, postal_code, region, country, comment,
                         signed_at)
            left join reporting.erased_person erased
                on erased.email_hash = batch.email_hash and batch.signed_at <= erased.requested_at
            left join reporting.petition anonymized
                on anonymized.slug = batch.slug and anonymized.anonymized_at is not null
            cross join lateral (
                select batch.email_hash, batch.given_name, batch.family_name, batch.postal_code, batch.comment,
                       null::timestamptz
                where erased.email_hash is null and anonymized.slug is null
                union all
                select null, null, null, null, null, now()
                where erased.email_hash is not null or anonymized.slug is not null)
                as kept(email_hash, given_name, family_name, postal_code, comment, erased_at)
            order by id
            on conflict (signature_id) do nothing""";

    /*
     * What an erasure and a petition's retention both leave of a row: petition, region, country and time. The hash
     * goes too: an erasure's tombstone keeps it, and the row no longer needs to be found. erased_at is what a
     * delivery report's manifest counts as erased since its as_of, whichever of the two removed the data; modified_at
     * is what tells a CRM syncing over the OSDI API to erase its copy.
     */
    private static final String ANONYMIZE = """
            update reporting.signer
            set email_hash = null, given_name = null, family_name = null, postal_code = null, comment = null,
                erased_at = now(), modified_at = now()
            """;

    /* Only the rows of signatures given by requested_at: a later one came with fresh consent. */
    private static final String ERASE = ANONYMIZE + "where email_hash = ? and signed_at <= ?";

    private static final String ANONYMIZE_PETITION = ANONYMIZE + "where petition_slug = ? and erased_at is null";

    private final DataSource dataSource;

    public SignerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the signers of the batch not recorded before, in one round trip; a replay adds nothing. */
    public void record(List<CountedSignature> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_NEW)) {
            lock(connection, "pg_advisory_xact_lock_shared");
            insert.setArray(1, connection.createArrayOf("uuid",
                    batch.stream().map(CountedSignature::signatureId).toArray()));
            insert.setArray(2, texts(connection, batch, CountedSignature::petitionSlug));
            insert.setArray(3, texts(connection, batch, CountedSignature::emailHash));
            insert.setArray(4, texts(connection, batch, CountedSignature::givenName));
            insert.setArray(5, texts(connection, batch, CountedSignature::familyName));
            insert.setArray(6, texts(connection, batch, CountedSignature::postalCode));
            insert.setArray(7, texts(connection, batch, CountedSignature::region));
            insert.setArray(8, texts(connection, batch, CountedSignature::country));
            insert.setArray(9, texts(connection, batch, CountedSignature::comments));
            insert.setArray(10, connection.createArrayOf("timestamptz",
                    batch.stream().map(signature -> Timestamp.from(signature.acceptedAt())).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the signers of a batch of " + batch.size(), e);
        }
    }

    /**
     * Removes names, postal code and comment from the person's rows of signatures accepted by {@code requestedAt},
     * in the caller's transaction, and returns how many rows it changed (none when done before).
     */
    /** In the caller's transaction, until it ends: no signer row is added while an erasure looks for the person's. */
    public void lockForErasure() {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, "pg_advisory_xact_lock");
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the erasure lock", e);
        }
    }

    public int erase(String emailHash, Instant requestedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(ERASE)) {
            lock(connection, "pg_advisory_xact_lock");
            update.setString(1, emailHash);
            update.setTimestamp(2, Timestamp.from(requestedAt));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase the signer rows of person " + emailHash, e);
        }
    }

    /**
     * Removes names, postal code, comment and hash from every row of the petition not anonymized before, in the
     * caller's transaction, and returns how many rows it changed. Takes the erasure lock: a batch of the petition's
     * signatures inserting side by side then either committed first (and is anonymized here) or sees the petition
     * anonymized (and stores its rows so).
     */
    public int anonymizePetition(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(ANONYMIZE_PETITION)) {
            lock(connection, "pg_advisory_xact_lock");
            update.setString(1, slug);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not anonymize the signer rows of petition " + slug, e);
        }
    }

    /*
     * A statement of its own, before the insert or update: in READ COMMITTED that statement then sees what the
     * holders it waited for committed. Held until the transaction ends.
     */
    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, ERASURE_LOCK_KEY);
            lock.execute();
        }
    }

    private static java.sql.Array texts(Connection connection, List<CountedSignature> batch,
            Function<CountedSignature, String> column) throws SQLException {
        return connection.createArrayOf("text", batch.stream().map(column).toArray());
    }
}
