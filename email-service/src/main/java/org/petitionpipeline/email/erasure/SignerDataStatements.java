package org.petitionpipeline.email.erasure;

/**
 * What an erasure (one person) and a petition's retention (its signers) remove from email's rows, each followed by
 * the WHERE that picks the rows (each ends in {@code and }, kept by the {@code \s} escape a text block would
 * otherwise strip). Each statement touches only rows that still hold something, so its count says what
 * this run changed, and running it again changes nothing.
 */
final class SignerDataStatements {

    /** No reminder any more: there is no address to send it to, and no name to greet. */
    static final String CONFIRMATIONS = """
            update email.confirmation set given_name = null, petition_title = null, next_reminder_at = null
            where (given_name is not null or petition_title is not null or next_reminder_at is not null) and\s""";

    /*
     * What is not sent yet is cancelled (SKIPPED, which no sender picks up) and its claim dropped: a sender that
     * claimed it before this can no longer hand it over nor record an outcome. One already in an SMTP conversation
     * may still arrive; it stays SKIPPED. last_error may quote the SMTP server's answer about the address; an address
     * typed for an erasure or export link may still wait there.
     */
    static final String MAIL = """
            update email.outbox
            set status = case when status in ('PENDING', 'SENDING') then 'SKIPPED' else status end, claim_token = null,
                given_name = null, petition_title = null, last_error = null, recipient_email = null
            where (status in ('PENDING', 'SENDING') or given_name is not null or petition_title is not null
                   or last_error is not null or recipient_email is not null) and\s""";

    /*
     * SKIPPED rather than deleted: the mailing's progress keeps adding up (recipients = queued + sent + failed +
     * skipped + uncertain) and its total does not shrink after the fact; the mailing finishes without them.
     */
    static final String MAILING_RECIPIENTS = """
            update email.mailing_recipient
            set status = case when status in ('PENDING', 'SENDING') then 'SKIPPED' else status end, last_error = null
            where (status in ('PENDING', 'SENDING') or last_error is not null) and\s""";

    /** The opt-in evidence (where, from which IP): nobody is mailed on it any more. */
    static final String CONSENTS = "delete from email.consent where ";

    /**
     * The address (and the language they signed in) goes, the hash stays: it names nobody without the address, and it
     * is the suppression entry.
     */
    static final String PEOPLE = """
            update email.person set email = null, language = null, erased_at = now(), updated_at = now()
            where erased_at is null and\s""";

    private SignerDataStatements() {
    }
}
