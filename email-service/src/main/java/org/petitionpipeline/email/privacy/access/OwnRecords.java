package org.petitionpipeline.email.privacy.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.petitionpipeline.kit.people.AccessRequestOutbox;

/**
 * What email holds about a person: their address and subscription status, the evidence of each consent, the mails
 * queued or sent to them, their confirmations and the changes of their subscription. An erased person (marked
 * {@code erased_at}) is kept only as a suppression entry by hash, which names nobody (docs/privacy.md): their export
 * lists nothing from here.
 */
@ApplicationScoped
public class OwnRecords {

    private static final String PERSON = """
            select email, subscription_status as status, status_changed_at as since, created_at as first_seen,
                coalesce(language, 'en') as language
            from email.person where email_hash = ? and erased_at is null""";
    private static final String CONSENTS = """
            select signature_id, petition_slug as petition, text_version as wording_version,
                coalesce(language, 'en') as wording_language, given_at, source_url, client_ip as ip
            from email.consent where email_hash = ? order by given_at, signature_id""";
    private static final String MAILS = """
            select kind as mail_kind, petition_title, status, created_at as queued_at, sent_at
            from email.outbox where email_hash = ? order by created_at, kind, reference""";
    private static final String UPDATES = """
            select m.petition_slug as petition, m.subject, r.status, r.sent_at
            from email.mailing_recipient r join email.mailing m on m.id = r.mailing_id
            where r.email_hash = ? order by m.created_at, m.id""";
    private static final String CONFIRMATIONS = """
            select signature_id, petition_slug as petition, petition_title, requested_at, confirmed_at, reminders_sent
            from email.confirmation where email_hash = ? order by requested_at, signature_id""";
    private static final String SUBSCRIPTION_CHANGES = """
            select status, source, changed_at from email.subscription_event where email_hash = ? order by id""";

    private final DataSource dataSource;

    public OwnRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> of(String emailHash) {
        try (Connection connection = dataSource.getConnection()) {
            List<Map<String, Object>> records = new ArrayList<>(
                    AccessRequestOutbox.rows(connection, "person", PERSON, emailHash));
            if (records.isEmpty()) {
                return records;
            }
            records.addAll(AccessRequestOutbox.rows(connection, "consent", CONSENTS, emailHash));
            records.addAll(AccessRequestOutbox.rows(connection, "mail", MAILS, emailHash));
            records.addAll(AccessRequestOutbox.rows(connection, "organizer update", UPDATES, emailHash));
            records.addAll(AccessRequestOutbox.rows(connection, "confirmation", CONFIRMATIONS, emailHash));
            records.addAll(AccessRequestOutbox.rows(connection, "subscription change", SUBSCRIPTION_CHANGES,
                    emailHash));
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("could not collect what email holds about person " + emailHash, e);
        }
    }
}
