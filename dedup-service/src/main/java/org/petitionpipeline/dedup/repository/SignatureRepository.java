package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.service.Candidate;

@ApplicationScoped
public class SignatureRepository {

    /*
     * One round trip for the whole batch. ON CONFLICT DO NOTHING lets the unique (petition, email hash)
     * constraint pick the one signature per person, also between two submissions of the same batch.
     */
    private static final String INSERT_NEW = """
            insert into dedup.signature (submission_id, petition_slug, email_hash, email, given_name, family_name,
                postal_code, country, comments, email_updates, consent_text_version, client_ip, user_agent, referrer,
                received_at, region, accepted_at)
            select b.*, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                ?::text[]) as b
            on conflict do nothing
            returning submission_id""";

    private final DataSource dataSource;

    public SignatureRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores every candidate that is the first of its person on its petition; returns their submission ids. */
    public Set<UUID> insertNew(List<Candidate> candidates, Instant acceptedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            insert.setTimestamp(1, Timestamp.from(acceptedAt));
            insert.setArray(2, array(connection, "uuid", candidates, c -> c.submitted().submissionId()));
            insert.setArray(3, array(connection, "text", candidates, c -> c.submitted().petitionSlug()));
            insert.setArray(4, array(connection, "text", candidates, Candidate::emailHash));
            insert.setArray(5, array(connection, "text", candidates, Candidate::canonicalEmail));
            insert.setArray(6, array(connection, "text", candidates, c -> c.submitted().signer().givenName()));
            insert.setArray(7, array(connection, "text", candidates, c -> c.submitted().signer().familyName()));
            insert.setArray(8, array(connection, "text", candidates, Candidate::postalCode));
            insert.setArray(9, array(connection, "text", candidates, Candidate::country));
            insert.setArray(10, array(connection, "text", candidates, c -> c.submitted().comments()));
            insert.setArray(11, array(connection, "boolean", candidates, c -> c.submitted().consent().emailUpdates()));
            insert.setArray(12, array(connection, "text", candidates, c -> c.submitted().consent().textVersion()));
            insert.setArray(13, array(connection, "text", candidates, c -> request(c).clientIp()));
            insert.setArray(14, array(connection, "text", candidates, c -> request(c).userAgent()));
            insert.setArray(15, array(connection, "text", candidates, c -> request(c).referrer()));
            insert.setArray(16, array(connection, "timestamptz", candidates,
                    c -> Timestamp.from(receivedAt(c, acceptedAt))));
            insert.setArray(17, array(connection, "text", candidates, Candidate::region));
            return uuids(insert);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a batch of " + candidates.size() + " signatures", e);
        }
    }

    /** Which of these submission ids are already stored (a replayed record, not a duplicate person). */
    public Set<UUID> findStored(List<UUID> submissionIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select submission_id from dedup.signature where submission_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", submissionIds.toArray()));
            return uuids(query);
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up " + submissionIds.size() + " submissions", e);
        }
    }

    private static Set<UUID> uuids(PreparedStatement statement) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static RequestFacts request(Candidate candidate) {
        return RequestFacts.orUnknown(candidate.submitted().request());
    }

    private static Instant receivedAt(Candidate candidate, Instant fallback) {
        Instant receivedAt = request(candidate).receivedAt();
        return receivedAt != null ? receivedAt : fallback;
    }

    private static Array array(Connection connection, String type, List<Candidate> candidates,
            Function<Candidate, Object> column) throws SQLException {
        return connection.createArrayOf(type, candidates.stream().map(column).toArray());
    }
}
