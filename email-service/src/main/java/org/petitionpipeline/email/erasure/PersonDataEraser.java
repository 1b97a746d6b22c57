package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;

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
            SignerDataStatements.CONFIRMATIONS + "email_hash = ?",
            SignerDataStatements.MAIL + "email_hash = ?",
            SignerDataStatements.MAILING_RECIPIENTS + "email_hash = ?",
            SignerDataStatements.CONSENTS + "email_hash = ?",
            // an export collected for the person holds everything the services held: it goes with the rest, and a
            // service's answer arriving later is not stored (the export counts as deleted)
            """
            delete from email.access_report
            where request_id in (select request_id from email.access_request where email_hash = ?)""",
            """
            update email.access_request set export_deleted_at = now()
            where email_hash = ? and export_deleted_at is null""",
            SignerDataStatements.PEOPLE + "email_hash = ?");

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
