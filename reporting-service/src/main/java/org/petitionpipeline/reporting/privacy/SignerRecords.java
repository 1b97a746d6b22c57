package org.petitionpipeline.reporting.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.kit.people.AccessRequestOutbox;

/**
 * What reporting holds about a person: their signer rows, as delivery reports list them, and whether each still
 * counts. An erasure removes the row's hash with its names (see
 * {@link org.petitionpipeline.reporting.reports.repository.SignerRepository}), so an erased row is never found here:
 * it no longer names anyone, and an export after an erasure lists nothing from reporting.
 */
@ApplicationScoped
public class SignerRecords implements AccessRequestOutbox.PersonRecords {

    static final String KIND = "signer";

    private static final String SIGNERS = """
            select s.signature_id, s.petition_slug as petition, s.given_name, s.family_name, s.postal_code, s.region,
                s.country, s.comment, s.signed_at
            from reporting.signer s where s.email_hash = ?
            order by s.signed_at, s.signature_id""";

    @Override
    public List<Map<String, Object>> of(Connection connection, String emailHash) throws SQLException {
        return AccessRequestOutbox.rows(connection, KIND, SIGNERS, emailHash);
    }
}
