package org.petitionpipeline.dedup.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.kit.people.AccessRequestOutbox;

/**
 * What dedup holds about a person: each of their signatures as received, with its hold or invalidation state. An
 * erased row (no address left) is not theirs to see any more: only the hash and what counts stay, and they name
 * nobody (docs/privacy.md), so an export after an erasure lists nothing from here.
 */
@ApplicationScoped
public class SignatureRecords implements AccessRequestOutbox.PersonRecords {

    static final String KIND = "signature";

    private static final String SIGNATURES = """
            select submission_id as signature_id, petition_slug as petition, petition_title, given_name, family_name,
                email, postal_code, country, region, comments as comment, email_updates, consent_text_version,
                consent_language, client_ip, user_agent, referrer, status, status_reason, status_changed_at, received_at, accepted_at
            from dedup.signature where email_hash = ? and email is not null
            order by received_at, submission_id""";

    @Override
    public List<Map<String, Object>> of(Connection connection, String emailHash) throws SQLException {
        return AccessRequestOutbox.rows(connection, KIND, SIGNATURES, emailHash);
    }
}
