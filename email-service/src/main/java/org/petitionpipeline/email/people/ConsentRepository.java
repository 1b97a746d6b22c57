package org.petitionpipeline.email.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.email.database.Columns;

@ApplicationScoped
public class ConsentRepository {

    private static final String INSERT = """
            insert into email.consent (signature_id, email_hash, petition_slug, text_version, source_url, client_ip,
                given_at, language)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                ?::text[])
            on conflict (signature_id) do nothing
            returning email_hash, given_at""";

    private final DataSource dataSource;

    public ConsentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the consent evidence of opted-in signatures (the wording's version and the language it was shown in);
     * returns, for each person with a consent not
     * recorded before, when they gave the latest of those.
     */
    public Map<String, Instant> recordNew(List<AcceptedSignature> optedIn) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, Columns.of(connection, "uuid", optedIn, AcceptedSignature::signatureId));
            insert.setArray(2, Columns.of(connection, "text", optedIn, AcceptedSignature::emailHash));
            insert.setArray(3, Columns.of(connection, "text", optedIn, AcceptedSignature::petitionSlug));
            insert.setArray(4, Columns.of(connection, "text", optedIn, s -> s.consent().textVersion()));
            insert.setArray(5, Columns.of(connection, "text", optedIn, s -> facts(s).referrer()));
            insert.setArray(6, Columns.of(connection, "text", optedIn, s -> facts(s).clientIp()));
            insert.setArray(7, Columns.of(connection, "timestamptz", optedIn, s -> Timestamp.from(
                    Objects.requireNonNullElse(facts(s).receivedAt(), s.acceptedAt()))));
            insert.setArray(8, Columns.of(connection, "text", optedIn, s -> s.consent().language()));
            Map<String, Instant> recorded = new HashMap<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.merge(rows.getString(1), rows.getTimestamp(2).toInstant(),
                            (one, other) -> one.isAfter(other) ? one : other);
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + optedIn.size() + " consents", e);
        }
    }

    private static RequestFacts facts(AcceptedSignature signature) {
        return RequestFacts.orUnknown(signature.request());
    }
}
