package org.petitionpipeline.email.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RequestFacts;

@ApplicationScoped
public class ConsentRepository {

    private static final String INSERT = """
            insert into email.consent (signature_id, email_hash, petition_slug, text_version, source_url, client_ip,
                given_at)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            on conflict (signature_id) do nothing
            returning email_hash""";

    private final DataSource dataSource;

    public ConsentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the consent evidence of opted-in signatures; returns the hashes of those not recorded before. */
    public Set<String> recordNew(List<AcceptedSignature> optedIn) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, Columns.of(connection, "uuid", optedIn, AcceptedSignature::signatureId));
            insert.setArray(2, Columns.of(connection, "text", optedIn, AcceptedSignature::emailHash));
            insert.setArray(3, Columns.of(connection, "text", optedIn, AcceptedSignature::petitionSlug));
            insert.setArray(4, Columns.of(connection, "text", optedIn, s -> s.consent().textVersion()));
            insert.setArray(5, Columns.of(connection, "text", optedIn, s -> request(s).referrer()));
            insert.setArray(6, Columns.of(connection, "text", optedIn, s -> request(s).clientIp()));
            insert.setArray(7, Columns.of(connection, "timestamptz", optedIn, s -> Timestamp.from(
                    request(s).receivedAt() != null ? request(s).receivedAt() : s.acceptedAt())));
            Set<String> recorded = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + optedIn.size() + " consents", e);
        }
    }

    private static RequestFacts request(AcceptedSignature signature) {
        return signature.request() != null ? signature.request() : new RequestFacts(null, null, null, null);
    }
}
