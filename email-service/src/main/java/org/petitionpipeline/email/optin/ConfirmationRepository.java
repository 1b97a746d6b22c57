package org.petitionpipeline.email.optin;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.email.database.Columns;
import org.petitionpipeline.email.i18n.SignerWording;
import org.petitionpipeline.kit.database.Statements;

/** Signatures waiting for their signer to confirm the address, their reminders, and their confirmation. */
@ApplicationScoped
public class ConfirmationRepository {

    /** What confirming a signature found. */
    public enum Result { CONFIRMED, ALREADY_CONFIRMED, UNKNOWN }

    private static final String REQUEST = """
            insert into email.confirmation (signature_id, email_hash, petition_slug, given_name, petition_title,
                language, requested_at, next_reminder_at)
            select id, hash, slug, name, title, lang, now(), case when ? then now() + ?::interval end
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as b(id, hash, slug, name, title, lang)
            on conflict do nothing""";

    /*
     * One statement: the confirmation and the event that announces it commit together or not at all, and a
     * second confirmation of the same signature finds nothing to update, so it announces nothing.
     */
    private static final String CONFIRM = """
            with confirmed as (
                update email.confirmation set confirmed_at = now(), next_reminder_at = null
                where signature_id = ? and confirmed_at is null
                returning signature_id, petition_slug, email_hash, confirmed_at)
            insert into email.verification_event (signature_id, petition_slug, email_hash, verified_at)
            select signature_id, petition_slug, email_hash, confirmed_at from confirmed""";

    private static final String EXISTS = "select 1 from email.confirmation where signature_id = ?";

    /*
     * Claims due reminders and queues them, in one statement: SKIP LOCKED keeps two instances off the same rows,
     * and the mail queue's key (reminder number in the reference) would refuse a second copy anyway.
     */
    private static final String QUEUE_DUE_REMINDERS = """
            with due as (
                select signature_id from email.confirmation where next_reminder_at <= now()
                order by next_reminder_at limit ? for update skip locked),
            reminded as (
                update email.confirmation c set reminders_sent = c.reminders_sent + 1,
                    next_reminder_at = case when c.reminders_sent + 1 < ? then now() + ?::interval end
                from due where c.signature_id = due.signature_id
                returning c.signature_id, c.petition_slug, c.email_hash, c.given_name, c.petition_title,
                    c.language, c.reminders_sent)
            insert into email.outbox (kind, email_hash, reference, given_name, petition_title, petition_slug,
                language, created_at, next_attempt_at)
            select 'CONFIRMATION_REMINDER', email_hash, signature_id || ':' || reminders_sent, given_name,
                petition_title, petition_slug, language, now(), now()
            from reminded
            on conflict do nothing""";

    private final DataSource dataSource;
    private final Statements statements;

    public ConfirmationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
        this.statements = new Statements(dataSource);
    }

    /**
     * Records that these signatures wait for confirmation, each with the petition's title in its signer's language
     * ({@code title}) for the reminders; a replayed one keeps its row as it is.
     */
    public void request(List<AcceptedSignature> signatures, Function<AcceptedSignature, String> title, int reminders,
            Duration reminderDelay) {
        if (signatures.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(REQUEST)) {
            insert.setBoolean(1, reminders > 0);
            insert.setString(2, Statements.interval(reminderDelay));
            insert.setArray(3, Columns.of(connection, "uuid", signatures, AcceptedSignature::signatureId));
            insert.setArray(4, Columns.of(connection, "text", signatures, AcceptedSignature::emailHash));
            insert.setArray(5, Columns.of(connection, "text", signatures, AcceptedSignature::petitionSlug));
            insert.setArray(6, Columns.of(connection, "text", signatures, s -> s.signer().givenName()));
            insert.setArray(7, Columns.of(connection, "text", signatures, title::apply));
            insert.setArray(8, Columns.of(connection, "text", signatures, SignerWording::languageOf));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + signatures.size() + " confirmation requests", e);
        }
    }

    public Result confirm(UUID signatureId) {
        if (statements.update("confirm signature " + signatureId, CONFIRM, signatureId) == 1) {
            return Result.CONFIRMED;
        }
        Optional<Integer> known = statements.query("look up signature " + signatureId, row -> row.getInt(1), EXISTS,
                signatureId).stream().findFirst();
        return known.isPresent() ? Result.ALREADY_CONFIRMED : Result.UNKNOWN;
    }

    /** Queues the reminders now due, at most {@code limit}; returns how many. */
    public int queueDueReminders(int limit, int maxReminders, Duration delay) {
        return statements.update("queue confirmation reminders", QUEUE_DUE_REMINDERS, limit, maxReminders,
                Statements.interval(delay));
    }
}
