package org.petitionpipeline.email.mailings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.email.mail.MailStatus;

/**
 * The recipients of one mailing and how far each has got. A recipient is marked SENDING when its turn comes, handed
 * over just before its message goes to SMTP and SENT right after. Whoever takes the mailing over from a worker that
 * died or stalled sends again a recipient that was never handed over, and sets aside as UNCERTAIN one that was: the
 * SMTP server may have it already, and nobody gets an update twice. Only a SENDING recipient takes an outcome: one
 * set aside meanwhile (SKIPPED by the erasure of their data) stays so, and is never put back in the queue.
 */
@ApplicationScoped
public class MailingRecipientRepository {

    // a SENDING row never handed over is due too: whoever holds the lease now, the one who marked it is gone
    private static final String DUE = """
            select email_hash from email.mailing_recipient
            where mailing_id = ? and (status = 'PENDING' or (status = 'SENDING' and handed_over_at is null))
              and next_attempt_at <= now()
            order by next_attempt_at, email_hash limit ?""";

    private static final String MARK_SENDING = """
            update email.mailing_recipient r set status = 'SENDING'
            from email.mailing m, email.person p
            where r.mailing_id = ? and r.email_hash = ?
              and (r.status = 'PENDING' or (r.status = 'SENDING' and r.handed_over_at is null))
              and m.id = r.mailing_id and m.lease_owner = ? and m.lease_until > now()
              and p.email_hash = r.email_hash
            returning p.email, p.subscription_status, r.attempts, p.language""";

    private static final String HAND_OVER = """
            update email.mailing_recipient r set handed_over_at = now()
            from email.mailing m
            where r.mailing_id = ? and r.email_hash = ? and r.status = 'SENDING'
              and m.id = r.mailing_id and m.lease_owner = ? and m.lease_until > now()""";

    private static final String SET_ASIDE_HANDED_OVER = """
            update email.mailing_recipient set status = 'UNCERTAIN',
                last_error = 'its worker stopped or stalled while handing it to the SMTP server; not sent again'
            where mailing_id = ? and status = 'SENDING' and handed_over_at is not null""";

    private static final String FINISH = """
            update email.mailing_recipient set status = ?, last_error = ?,
                sent_at = case when ? = 'SENT' then now() end
            where mailing_id = ? and email_hash = ? and status = 'SENDING'""";

    private static final String RETRY_LATER = """
            update email.mailing_recipient set status = 'PENDING', attempts = attempts + 1, last_error = ?,
                next_attempt_at = ?, handed_over_at = null
            where mailing_id = ? and email_hash = ? and status = 'SENDING'""";

    private final Statements statements;

    public MailingRecipientRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** The email hashes of recipients due now, in a stable order. */
    public List<String> due(UUID mailingId, int limit) {
        return statements.query("read the due recipients of mailing " + mailingId, row -> row.getString(1), DUE,
                mailingId, limit);
    }

    /**
     * Marks the recipient as being sent to and reads their address and status as they are now; empty when the
     * owner no longer holds the mailing's lease, or the recipient is no longer due.
     */
    public Optional<MailingRecipient> markSending(UUID mailingId, String emailHash, UUID owner) {
        return statements.query("mark " + emailHash + " sending in mailing " + mailingId,
                row -> new MailingRecipient(emailHash, row.getString("email"),
                        Optional.ofNullable(row.getString("subscription_status")).map(SubscriptionStatus::valueOf),
                        row.getInt("attempts"), row.getString("language")),
                MARK_SENDING, mailingId, emailHash, owner).stream().findFirst();
    }

    /**
     * Records, right before the SMTP conversation starts, that it is starting; false when the owner no longer holds
     * the mailing's lease, and the message is not its to send any more.
     */
    public boolean handOver(UUID mailingId, String emailHash, UUID owner) {
        return statements.update("hand " + emailHash + " over in mailing " + mailingId, HAND_OVER, mailingId,
                emailHash, owner) == 1;
    }

    /**
     * Sets aside the recipients a previous holder of the mailing had handed to SMTP without recording the outcome;
     * called by a new holder before it sends, so only a worker that died or stalled can have left them. Returns
     * how many.
     */
    public int setAsideHandedOver(UUID mailingId) {
        return statements.update("set aside interrupted hand-overs in mailing " + mailingId, SET_ASIDE_HANDED_OVER,
                mailingId);
    }

    public void finish(UUID mailingId, String emailHash, MailStatus status, String error) {
        statements.update("record the outcome for " + emailHash + " in mailing " + mailingId, FINISH, status.name(),
                error, status.name(), mailingId, emailHash);
    }

    public void retryLater(UUID mailingId, String emailHash, String error, Instant nextAttemptAt) {
        statements.update("put " + emailHash + " back in mailing " + mailingId, RETRY_LATER, error,
                Timestamp.from(nextAttemptAt), mailingId, emailHash);
    }
}
