package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.dedup.service.SignatureCriteria;

/** What ops review: stored signatures selected by criteria, and their status changes. */
@ApplicationScoped
public class SignatureReviewRepository {

    private final DataSource dataSource;

    public SignatureReviewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} signatures in one of {@code statuses} that match, newest first. */
    public List<StoredSignature> find(SignatureCriteria criteria, Set<SignatureStatus> statuses, int limit) {
        CriteriaSql where = CriteriaSql.of(criteria, statuses);
        String sql = "select * from dedup.signature where " + where.sql() + " order by received_at desc, submission_id limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int next = where.bind(connection, query);
            query.setInt(next, limit);
            List<StoredSignature> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(storedSignature(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not select signatures for review", e);
        }
    }

    public long count(SignatureCriteria criteria, Set<SignatureStatus> statuses) {
        CriteriaSql where = CriteriaSql.of(criteria, statuses);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from dedup.signature where " + where.sql())) {
            where.bind(connection, query);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count signatures for review", e);
        }
    }

    /**
     * Moves these signatures from {@code from} to {@code to}; one that changed status meanwhile stays as it is.
     * Returns how many moved.
     */
    public int changeStatus(List<UUID> ids, SignatureStatus from, SignatureStatus to, String reason, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update dedup.signature set status = ?, status_reason = ?, status_changed_at = ?
                        where submission_id = any(?) and status = ?""")) {
            update.setString(1, to.column());
            update.setString(2, reason);
            update.setTimestamp(3, Timestamp.from(at));
            update.setArray(4, connection.createArrayOf("uuid", ids.toArray()));
            update.setString(5, from.column());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the status of " + ids.size() + " signatures", e);
        }
    }

    private static StoredSignature storedSignature(ResultSet row) throws SQLException {
        AcceptedSignature signature = new AcceptedSignature(
                EventSchema.VERSION,
                row.getObject("submission_id", UUID.class),
                row.getString("petition_slug"),
                row.getString("petition_title"),
                row.getString("email_hash"),
                new Signer(row.getString("given_name"), row.getString("family_name"), row.getString("email"),
                        row.getString("postal_code"), row.getString("country")),
                row.getString("comments"),
                new Consent(row.getBoolean("email_updates"), row.getString("consent_text_version"),
                        row.getString("consent_language")),
                new RequestFacts(row.getTimestamp("received_at").toInstant(), row.getString("client_ip"),
                        row.getString("user_agent"), row.getString("referrer")),
                row.getString("region"),
                row.getTimestamp("accepted_at").toInstant());
        return new StoredSignature(signature, SignatureStatus.ofColumn(row.getString("status")),
                row.getString("status_reason"));
    }
}
