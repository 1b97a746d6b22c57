package org.petitionpipeline.reporting.reports.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Signer;

/** Keeps what a delivery report lists of each accepted signature. */
@ApplicationScoped
public class SignerRepository {

    /* Region and country are kept as the breakdowns count them, so a report's rows add up to its breakdown table. */
    private static final String RECORD_NEW = """
            insert into reporting.signer (signature_id, petition_slug, given_name, family_name, postal_code, region,
                                          country, comment, signed_at)
            select id, slug, given_name, family_name, postal_code, nullif(upper(trim(region)), ''),
                   nullif(upper(trim(country)), ''), comment, signed_at
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[])
                as batch(id, slug, given_name, family_name, postal_code, region, country, comment, signed_at)
            order by id
            on conflict (signature_id) do nothing""";

    private final DataSource dataSource;

    public SignerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the signers of the batch not recorded before, in one round trip; a replay adds nothing. */
    public void record(List<AcceptedSignature> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_NEW)) {
            insert.setArray(1, connection.createArrayOf("uuid",
                    batch.stream().map(AcceptedSignature::signatureId).toArray()));
            insert.setArray(2, texts(connection, batch, AcceptedSignature::petitionSlug));
            insert.setArray(3, texts(connection, batch, signature -> signerField(signature, Signer::givenName)));
            insert.setArray(4, texts(connection, batch, signature -> signerField(signature, Signer::familyName)));
            insert.setArray(5, texts(connection, batch, signature -> signerField(signature, Signer::postalCode)));
            insert.setArray(6, texts(connection, batch, AcceptedSignature::region));
            insert.setArray(7, texts(connection, batch, signature -> signerField(signature, Signer::country)));
            insert.setArray(8, texts(connection, batch, AcceptedSignature::comments));
            insert.setArray(9, connection.createArrayOf("timestamptz",
                    batch.stream().map(signature -> Timestamp.from(signature.acceptedAt())).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the signers of a batch of " + batch.size(), e);
        }
    }

    private static String signerField(AcceptedSignature signature, Function<Signer, String> field) {
        return signature.signer() == null ? null : field.apply(signature.signer());
    }

    private static java.sql.Array texts(Connection connection, List<AcceptedSignature> batch,
            Function<AcceptedSignature, String> column) throws SQLException {
        return connection.createArrayOf("text", batch.stream().map(column).toArray());
    }
}
