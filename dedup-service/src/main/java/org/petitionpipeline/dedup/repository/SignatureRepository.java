package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.dedup.service.NewSignature;

@ApplicationScoped
public class SignatureRepository {

    /*
     * One round trip for the whole batch. ON CONFLICT DO NOTHING lets the unique (petition, email hash,
     * household member) constraint pick the one signature per person, also between two submissions of the same
     * batch. A household member is stored only where the email has not signed from another postal code. The
     * final select sees the table as it was before this statement: the rows it finds are replays.
     */
    private static final String INSERT_NEW = """
            with batch as (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as b(submission_id,
                    petition_slug, email_hash, email, given_name, family_name, postal_code, country, comments,
                    email_updates, consent_text_version, consent_language, client_ip, user_agent, referrer, received_at, region, petition_title,
                    household_member, status, status_reason)),
            inserted as (
                insert into dedup.signature (submission_id, petition_slug, email_hash, email, given_name,
                    family_name, postal_code, country, comments, email_updates, consent_text_version,
                    consent_language, client_ip, user_agent, referrer, received_at, region, petition_title, household_member, status,
                    status_reason, accepted_at)
                select b.*, ? from batch b
                where b.household_member = '' or not exists (
                    select 1 from dedup.signature s
                    where s.petition_slug = b.petition_slug and s.email_hash = b.email_hash
                      and s.postal_code is distinct from b.postal_code)
                on conflict do nothing
                returning submission_id)
            select submission_id, null, null from inserted
            union all
            select s.submission_id, s.status, s.status_reason from dedup.signature s
            where s.submission_id in (select submission_id from batch except select submission_id from inserted)""";

    /*
     * Household petitions only: the NOT EXISTS above does not see rows another instance is inserting at the same
     * time (one person's addresses may sit on different partitions, so on different instances), so each
     * household email is locked until the transaction ends. The keys come sorted and distinct, and unnest keeps
     * their order, so two instances take shared keys in the same order and never deadlock on them.
     */
    private static final String LOCK_HOUSEHOLDS = """
            select pg_advisory_xact_lock(hashtextextended(person, 0)) from unnest(?::text[]) as person""";

    /*
     * The statement inserts in the order of its arrays. Sorted by the unique key, every instance inserts shared
     * people in one order, so two instances storing the same people wait for each other instead of deadlocking;
     * the sort is stable, so the first of a person in the batch still wins.
     */
    private static final Comparator<NewSignature> UNIQUE_KEY_ORDER = Comparator
            .comparing((NewSignature s) -> s.candidate().submitted().petitionSlug())
            .thenComparing(s -> s.candidate().emailHash())
            .thenComparing(NewSignature::householdMember);

    private final DataSource dataSource;

    public SignatureRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores every signature that is the first of its person on its petition, and tells which were stored now
     * and which were stored before (replays, with the decision stored then). Any other is a duplicate.
     */
    public Insertion insertNew(List<NewSignature> signatures, Instant decidedAt) {
        try (Connection connection = dataSource.getConnection()) {
            // the insert alone is one statement; household locks must be held until it commits
            if (signatures.stream().noneMatch(NewSignature::inHousehold)) {
                return insertNew(connection, signatures, decidedAt);
            }
            connection.setAutoCommit(false);
            try {
                Insertion insertion = insertNew(connection, signatures, decidedAt);
                connection.commit();
                return insertion;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a batch of " + signatures.size() + " signatures", e);
        }
    }

    /** {@link #insertNew(List, Instant)} on {@code connection}, in its transaction if it has one: the caller ends it. */
    Insertion insertNew(Connection connection, List<NewSignature> signatures, Instant decidedAt) throws SQLException {
        lockHouseholds(connection, signatures);
        List<NewSignature> sorted = signatures.stream().sorted(UNIQUE_KEY_ORDER).toList();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            insert.setArray(1, array(connection, "uuid", sorted, s -> s.candidate().submitted().submissionId()));
            insert.setArray(2, array(connection, "text", sorted, s -> s.candidate().submitted().petitionSlug()));
            insert.setArray(3, array(connection, "text", sorted, s -> s.candidate().emailHash()));
            insert.setArray(4, array(connection, "text", sorted, s -> s.candidate().canonicalEmail()));
            insert.setArray(5, array(connection, "text", sorted, s -> s.candidate().submitted().signer().givenName()));
            insert.setArray(6, array(connection, "text", sorted, s -> s.candidate().submitted().signer().familyName()));
            insert.setArray(7, array(connection, "text", sorted, s -> s.candidate().postalCode()));
            insert.setArray(8, array(connection, "text", sorted, s -> s.candidate().country()));
            insert.setArray(9, array(connection, "text", sorted, s -> s.candidate().submitted().comments()));
            insert.setArray(10, array(connection, "boolean", sorted,
                    s -> s.candidate().submitted().consent().emailUpdates()));
            insert.setArray(11, array(connection, "text", sorted,
                    s -> s.candidate().submitted().consent().textVersion()));
            insert.setArray(12, array(connection, "text", sorted,
                    s -> s.candidate().submitted().consent().language()));
            insert.setArray(13, array(connection, "text", sorted, s -> s.candidate().request().clientIp()));
            insert.setArray(14, array(connection, "text", sorted, s -> s.candidate().request().userAgent()));
            insert.setArray(15, array(connection, "text", sorted, s -> s.candidate().request().referrer()));
            insert.setArray(16, array(connection, "timestamptz", sorted,
                    s -> Timestamp.from(s.candidate().receivedAtOr(decidedAt))));
            insert.setArray(17, array(connection, "text", sorted, s -> s.candidate().region()));
            insert.setArray(18, array(connection, "text", sorted, s -> s.candidate().submitted().petitionTitle()));
            insert.setArray(19, array(connection, "text", sorted, NewSignature::householdMember));
            insert.setArray(20, array(connection, "text", sorted,
                    s -> (s.held() ? SignatureStatus.HELD : SignatureStatus.ACCEPTED).column()));
            insert.setArray(21, array(connection, "text", sorted, NewSignature::heldBecause));
            insert.setTimestamp(22, Timestamp.from(decidedAt));
            Set<UUID> stored = new HashSet<>();
            Map<UUID, StoredDecision> storedBefore = new HashMap<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    String status = rows.getString(2);
                    if (status == null) {
                        stored.add(id);
                    } else {
                        storedBefore.put(id, new StoredDecision(SignatureStatus.ofColumn(status), rows.getString(3)));
                    }
                }
            }
            return new Insertion(stored, storedBefore);
        }
    }

    private static void lockHouseholds(Connection connection, List<NewSignature> signatures) throws SQLException {
        SortedSet<String> people = new TreeSet<>();
        signatures.stream().filter(NewSignature::inHousehold).forEach(signature ->
                people.add(signature.candidate().submitted().petitionSlug() + ":" + signature.candidate().emailHash()));
        if (people.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HOUSEHOLDS)) {
            lock.setArray(1, connection.createArrayOf("text", people.toArray()));
            lock.execute();
        }
    }

    private static Array array(Connection connection, String type, List<NewSignature> signatures,
            Function<NewSignature, Object> column) throws SQLException {
        return connection.createArrayOf(type, signatures.stream().map(column).toArray());
    }

    /** The submissions stored now, and those stored before with what was decided about them then. */
    public record Insertion(Set<UUID> stored, Map<UUID, StoredDecision> storedBefore) {
    }
}
