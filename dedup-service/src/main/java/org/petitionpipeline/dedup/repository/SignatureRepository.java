package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                    ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as b(submission_id, petition_slug,
                    email_hash, email, given_name, family_name, postal_code, country, comments, email_updates,
                    consent_text_version, client_ip, user_agent, referrer, received_at, region, petition_title,
                    household_member, status, status_reason)),
            inserted as (
                insert into dedup.signature (submission_id, petition_slug, email_hash, email, given_name,
                    family_name, postal_code, country, comments, email_updates, consent_text_version, client_ip,
                    user_agent, referrer, received_at, region, petition_title, household_member, status,
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

    private final DataSource dataSource;

    public SignatureRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores every signature that is the first of its person on its petition, and tells which were stored now
     * and which were stored before (replays, with the decision stored then). Any other is a duplicate.
     */
    public Insertion insertNew(List<NewSignature> signatures, Instant decidedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            insert.setArray(1, array(connection, "uuid", signatures, s -> s.candidate().submitted().submissionId()));
            insert.setArray(2, array(connection, "text", signatures, s -> s.candidate().submitted().petitionSlug()));
            insert.setArray(3, array(connection, "text", signatures, s -> s.candidate().emailHash()));
            insert.setArray(4, array(connection, "text", signatures, s -> s.candidate().canonicalEmail()));
            insert.setArray(5, array(connection, "text", signatures, s -> s.candidate().submitted().signer().givenName()));
            insert.setArray(6, array(connection, "text", signatures, s -> s.candidate().submitted().signer().familyName()));
            insert.setArray(7, array(connection, "text", signatures, s -> s.candidate().postalCode()));
            insert.setArray(8, array(connection, "text", signatures, s -> s.candidate().country()));
            insert.setArray(9, array(connection, "text", signatures, s -> s.candidate().submitted().comments()));
            insert.setArray(10, array(connection, "boolean", signatures,
                    s -> s.candidate().submitted().consent().emailUpdates()));
            insert.setArray(11, array(connection, "text", signatures,
                    s -> s.candidate().submitted().consent().textVersion()));
            insert.setArray(12, array(connection, "text", signatures, s -> s.candidate().request().clientIp()));
            insert.setArray(13, array(connection, "text", signatures, s -> s.candidate().request().userAgent()));
            insert.setArray(14, array(connection, "text", signatures, s -> s.candidate().request().referrer()));
            insert.setArray(15, array(connection, "timestamptz", signatures,
                    s -> Timestamp.from(s.candidate().receivedAtOr(decidedAt))));
            insert.setArray(16, array(connection, "text", signatures, s -> s.candidate().region()));
            insert.setArray(17, array(connection, "text", signatures, s -> s.candidate().submitted().petitionTitle()));
            insert.setArray(18, array(connection, "text", signatures, NewSignature::householdMember));
            insert.setArray(19, array(connection, "text", signatures,
                    s -> (s.held() ? SignatureStatus.HELD : SignatureStatus.ACCEPTED).column()));
            insert.setArray(20, array(connection, "text", signatures, NewSignature::heldBecause));
            insert.setTimestamp(21, Timestamp.from(decidedAt));
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
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a batch of " + signatures.size() + " signatures", e);
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
