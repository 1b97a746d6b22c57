package org.petitionpipeline.email.mailqueue;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.database.Columns;
import org.petitionpipeline.email.i18n.SignerWording;
import org.petitionpipeline.email.mail.MailAddresses;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mail.MailStatus;

/**
 * Messages are recorded here before they are sent. The primary key (kind, recipient, reference) is what
 * makes a replayed signature never queue a second receipt (or confirmation request).
 */
@ApplicationScoped
public class MailQueue {

    private static final String ENQUEUE = """
            insert into email.outbox (kind, email_hash, reference, given_name, petition_title, traceparent,
                petition_slug, language, created_at, next_attempt_at)
            select ?, hash, ref, name, title, trace, slug, lang, now(), now()
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as b(hash, ref, name, title, trace, slug, lang)
            on conflict do nothing""";

    private static final String ENQUEUE_ADDRESSED = """
            insert into email.outbox (kind, email_hash, reference, recipient_email, petition_title, payload, language,
                created_at, next_attempt_at)
            select ?, hash, ref, email, title, payload::jsonb, lang, now(), now()
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as b(hash, ref, email, title, payload, lang)
            on conflict do nothing""";

    /*
     * Claims due messages. SKIP LOCKED lets several instances drain one mail queue; a claim older than the
     * stale-claim age belongs to an instance that died mid-send and is taken over.
     */
    private static final String CLAIM = """
            with due as (
                select kind, email_hash, reference from email.outbox
                where (status = 'PENDING' and next_attempt_at <= now())
                   or (status = 'SENDING' and claimed_at < now() - ?::interval and handed_over_at is null)
                order by next_attempt_at limit ? for update skip locked)
            update email.outbox o set status = 'SENDING', claimed_at = now(), claim_token = ?
            from due left join email.person p on p.email_hash = due.email_hash
            where o.kind = due.kind and o.email_hash = due.email_hash and o.reference = due.reference
            returning o.kind, o.email_hash, o.reference, coalesce(o.recipient_email, p.email) as email, o.given_name,
                o.petition_title, o.payload, o.attempts, o.traceparent, p.subscription_status, o.language""";

    // the messages of a group, each by its key and the claim it must still be held by
    private static final String GROUP = "unnest(?::text[], ?::text[], ?::text[], ?::uuid[]) as g(kind, hash, ref, claim)";
    private static final String IN_GROUP = """
            o.kind = g.kind and o.email_hash = g.hash and o.reference = g.ref and o.claim_token = g.claim""";

    // the address someone typed to ask for an erasure or export link is kept only until its message is out (or given
    // up)
    private static final String FINISH = """
            update email.outbox o set status = ?, last_error = ?, sent_at = case when ? = 'SENT' then now() end,
                claim_token = null,
                recipient_email = case when o.kind in ('ERASURE_CONFIRMATION', 'ACCESS_LINK') then null
                    else o.recipient_email end
            from %s where %s""".formatted(GROUP, IN_GROUP);

    private static final String HAND_OVER = """
            update email.outbox o set handed_over_at = now()
            from %s where %s
            returning o.kind, o.email_hash, o.reference""".formatted(GROUP, IN_GROUP);

    private static final String SET_ASIDE_INTERRUPTED = """
            update email.outbox set status = 'UNCERTAIN', claim_token = null,
                last_error = 'its sender stopped while handing it to the SMTP server; not sent again'
            where status = 'SENDING' and handed_over_at is not null and claimed_at < now() - ?::interval""";

    private static final String RETRY_LATER = """
            update email.outbox set status = 'PENDING', attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                claim_token = null, handed_over_at = null
            where kind = ? and email_hash = ? and reference = ? and claim_token = ?""";

    private static final String RENEW = """
            update email.outbox set claimed_at = now() where claim_token = ? and status = 'SENDING'""";

    private static final String RELEASE = """
            update email.outbox set status = 'PENDING', claim_token = null
            where claim_token = ? and status = 'SENDING'""";

    private final DataSource dataSource;

    public MailQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Queues one message of this kind per signature, referenced by the signature id, in the signer's language; a replay
     * queues nothing. {@code title} gives the petition's title in that language; {@code traceparent} each signature's
     * trace context (null when not traced), for its send to continue.
     */
    public void enqueue(MailKind kind, List<AcceptedSignature> signatures, Function<AcceptedSignature, String> title,
            Function<AcceptedSignature, String> traceparent) {
        if (signatures.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setString(1, kind.name());
            insert.setArray(2, Columns.of(connection, "text", signatures, AcceptedSignature::emailHash));
            insert.setArray(3, Columns.of(connection, "text", signatures, s -> s.signatureId().toString()));
            insert.setArray(4, Columns.of(connection, "text", signatures, s -> s.signer().givenName()));
            insert.setArray(5, Columns.of(connection, "text", signatures, title::apply));
            insert.setArray(6, Columns.of(connection, "text", signatures, traceparent::apply));
            insert.setArray(7, Columns.of(connection, "text", signatures, AcceptedSignature::petitionSlug));
            insert.setArray(8, Columns.of(connection, "text", signatures, SignerWording::languageOf));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue " + signatures.size() + " " + kind, e);
        }
    }

    /**
     * A message whose address travels with it: a petition report for an organizer or a disabled webhook's notice for
     * an owner (not signers; {@code recipientDigest} keys it in place of an email hash), or the erasure or export link for whatever address
     * a person typed (keyed by the person's hash), in {@code language} (null: the default).
     */
    public record AddressedMail(String recipientDigest, String reference, String email, String petitionTitle,
            String payload, String language) {

        /**
         * One message per organizer (or owner) address, in the default language: organizers are not signers, and
         * nothing says their language. An address that cannot be one is left out, logged by {@code what} the mail was.
         */
        public static List<AddressedMail> toOrganizers(List<String> recipients, String reference, String petitionTitle,
                String payload, String what) {
            List<AddressedMail> mail = new ArrayList<>();
            for (String recipient : recipients) {
                Optional<String> address = MailAddresses.deliverable(recipient);
                if (address.isEmpty()) {
                    Log.warnf("%s: an organizer address is not one we can mail, left out", what);
                    continue;
                }
                mail.add(new AddressedMail(MailAddresses.organizerDigest(address.get()), reference, address.get(),
                        petitionTitle, payload, null));
            }
            return mail;
        }
    }

    /** Queues addressed mail; a replay (the same kind, key and reference) queues nothing. */
    public void enqueueAddressed(MailKind kind, List<AddressedMail> mail) {
        if (mail.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(ENQUEUE_ADDRESSED)) {
            insert.setString(1, kind.name());
            insert.setArray(2, Columns.of(connection, "text", mail, AddressedMail::recipientDigest));
            insert.setArray(3, Columns.of(connection, "text", mail, AddressedMail::reference));
            insert.setArray(4, Columns.of(connection, "text", mail, AddressedMail::email));
            insert.setArray(5, Columns.of(connection, "text", mail, AddressedMail::petitionTitle));
            insert.setArray(6, Columns.of(connection, "text", mail, AddressedMail::payload));
            insert.setArray(7, Columns.of(connection, "text", mail, AddressedMail::language));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue " + mail.size() + " " + kind, e);
        }
    }

    public List<QueuedMail> claim(int limit, Duration staleClaimAge, UUID claimToken) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, staleClaimAge.toSeconds() + " seconds");
            claim.setInt(2, limit);
            claim.setObject(3, claimToken);
            List<QueuedMail> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new QueuedMail(
                            MailKind.valueOf(rows.getString("kind")),
                            rows.getString("email_hash"),
                            rows.getString("reference"),
                            rows.getString("email"),
                            rows.getString("given_name"),
                            rows.getString("petition_title"),
                            rows.getString("payload"),
                            rows.getInt("attempts"),
                            claimToken,
                            rows.getString("traceparent"),
                            Optional.ofNullable(rows.getString("subscription_status")).map(SubscriptionStatus::valueOf),
                            rows.getString("language")));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim mail from the outbox", e);
        }
    }

    /**
     * Records, before their SMTP conversations start, that they are starting; returns the messages still this
     * sender's to send (another sender may have taken a claim over meanwhile), in the order given.
     */
    public List<QueuedMail> handOver(List<QueuedMail> group) {
        if (group.isEmpty()) {
            return group;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(HAND_OVER)) {
            setGroup(connection, update, 1, group);
            Set<List<String>> handedOver = new HashSet<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    handedOver.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return group.stream().filter(mail -> handedOver.contains(key(mail))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the hand-over of " + group.size() + " messages", e);
        }
    }

    /**
     * Marks {@link MailStatus#UNCERTAIN} the messages whose sender died during the hand-over, instead of letting
     * a stale claim send them again; returns how many.
     */
    public int setAsideInterruptedHandOvers(Duration staleClaimAge) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SET_ASIDE_INTERRUPTED)) {
            update.setString(1, staleClaimAge.toSeconds() + " seconds");
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set aside interrupted mail", e);
        }
    }

    /** Records one final outcome for all of these, but for those another sender has taken the claim of meanwhile. */
    public void finish(List<QueuedMail> group, MailStatus status, String error) {
        if (group.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(FINISH)) {
            update.setString(1, status.name());
            update.setString(2, error);
            update.setString(3, status.name());
            setGroup(connection, update, 4, group);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + group.size() + " messages as " + status, e);
        }
    }

    /** Puts a message back for another attempt at {@code nextAttemptAt}. */
    public void retryLater(QueuedMail mail, String error, Instant nextAttemptAt) {
        update(mail, RETRY_LATER, error, Timestamp.from(nextAttemptAt));
    }

    /** Gives back what a sender claimed but did not get to send, so it need not wait to be taken over. */
    public void releaseUnsent(UUID claimToken) {
        updateClaim(RELEASE, claimToken);
    }

    /** Tells other senders the claim is alive: only a claim not renewed for the stale age is taken over. */
    public void renewClaim(UUID claimToken) {
        updateClaim(RENEW, claimToken);
    }

    private void updateClaim(String sql, UUID claimToken) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, claimToken);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update claimed mail", e);
        }
    }

    private static void setGroup(Connection connection, PreparedStatement statement, int first, List<QueuedMail> group)
            throws SQLException {
        statement.setArray(first, Columns.of(connection, "text", group, mail -> mail.kind().name()));
        statement.setArray(first + 1, Columns.of(connection, "text", group, QueuedMail::emailHash));
        statement.setArray(first + 2, Columns.of(connection, "text", group, QueuedMail::reference));
        statement.setArray(first + 3, Columns.of(connection, "uuid", group, QueuedMail::claimToken));
    }

    private static List<String> key(QueuedMail mail) {
        return List.of(mail.kind().name(), mail.emailHash(), mail.reference());
    }

    private void update(QueuedMail mail, String sql, Object... leadingValues) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : leadingValues) {
                update.setObject(index++, value);
            }
            update.setString(index++, mail.kind().name());
            update.setString(index++, mail.emailHash());
            update.setString(index++, mail.reference());
            update.setObject(index, mail.claimToken());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcome of a " + mail.kind() + " to "
                    + mail.emailHash(), e);
        }
    }
}
