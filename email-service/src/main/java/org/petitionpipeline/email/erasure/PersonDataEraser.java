package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.petitionpipeline.email.database.Statements;

/**
 * Removes or anonymizes every row email holds about one person; each statement touches only rows that still hold
 * something, so the count says what this erasure changed. The hashes stay (on the person, the mail queue, mailing
 * recipients, subscription and verification events, erasure and access requests): they name nobody without the address, keep the sent mail's
 * one-per-signature keys, and the person's hash is the suppression entry. Mail that went out stays counted as sent.
 */
@ApplicationScoped
public class PersonDataEraser {

    /*
     * In this order. Confirmations first: a reminder being queued holds its confirmation row, so this waits for it,
     * and the mail queue statement after it then sees the reminder and cancels it.
     */
    private static final List<String> ERASE = List.of(
            // no reminder any more: there is no address to send it to, and no name to greet
            """
            update email.confirmation set given_name = null, petition_title = null, next_reminder_at = null
            where email_hash = ? and (given_name is not null or petition_title is not null
                                      or next_reminder_at is not null)""",
            /*
             * What is not sent yet is cancelled (SKIPPED, which no sender picks up) and its claim dropped: a sender
             * that claimed it before this can no longer hand it over nor record an outcome. One already in an SMTP
             * conversation may still arrive; it stays SKIPPED. last_error may quote the SMTP server's answer about
             * the address.
             */
            """
            update email.outbox
            set status = case when status in ('PENDING', 'SENDING') then 'SKIPPED' else status end, claim_token = null,
                given_name = null, petition_title = null, last_error = null, recipient_email = null
            where email_hash = ? and (status in ('PENDING', 'SENDING') or given_name is not null
                                      or petition_title is not null or last_error is not null
                                      or recipient_email is not null)""",
            /*
             * SKIPPED rather than deleted: the mailing's progress keeps adding up (recipients = queued + sent +
             * failed + skipped + uncertain) and its total does not shrink after the fact; the mailing finishes
             * without them.
             */
            """
            update email.mailing_recipient
            set status = case when status in ('PENDING', 'SENDING') then 'SKIPPED' else status end, last_error = null
            where email_hash = ? and (status in ('PENDING', 'SENDING') or last_error is not null)""",
            // the opt-in evidence (where, from which IP): nobody is mailed on it any more
            "delete from email.consent where email_hash = ?",
            // an export collected for the person holds everything the services held: it goes with the rest, and a
            // service's answer arriving later is not stored (the export counts as deleted)
            """
            delete from email.access_report
            where request_id in (select request_id from email.access_request where email_hash = ?)""",
            """
            update email.access_request set export_deleted_at = now()
            where email_hash = ? and export_deleted_at is null""",
            "update email.person set email = null, erased_at = now(), updated_at = now() "
                    + "where email_hash = ? and erased_at is null");

    private final Statements statements;

    public PersonDataEraser(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** Rows removed or anonymized. */
    public int erase(String emailHash) {
        return ERASE.stream().mapToInt(sql -> statements.update("erase the data of " + emailHash, sql, emailHash))
                .sum();
    }
}
