package org.petitionpipeline.email.mailings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;

/**
 * Organizer updates and who sends them. A worker holds a mailing by a lease it renews while it sends; only
 * the holder may mark recipients as being sent to, so two instances never send one mailing at once.
 */
@ApplicationScoped
public class MailingRepository {

    private static final String INSERT = """
            insert into email.mailing (id, petition_slug, subject, html_body, text_body, language, status, created_at)
            values (?, ?, ?, ?, ?, ?, 'QUEUED', now())""";

    private static final String INSERT_TRANSLATION = """
            insert into email.mailing_translation (mailing_id, language, subject, html_body, text_body)
            values (?, ?, ?, ?, ?)""";

    private static final String TRANSLATIONS = """
            select language, subject, html_body, text_body from email.mailing_translation where mailing_id = ?""";

    /*
     * Signers of the petition who consented to its updates and are subscribed now. A consent given before a
     * later unsubscribe was withdrawn by it: an opt-in on another petition since then does not revive it.
     */
    private static final String INSERT_RECIPIENTS = """
            insert into email.mailing_recipient (mailing_id, email_hash, next_attempt_at)
            select distinct ?::uuid, c.email_hash, now()
            from email.consent c join email.person p on p.email_hash = c.email_hash
            where c.petition_slug = ? and p.subscription_status = 'SUBSCRIBED'
              and not exists (select 1 from email.subscription_event e
                              where e.email_hash = c.email_hash and e.status <> 'SUBSCRIBED'
                                and e.changed_at > c.given_at)""";

    private static final String PROGRESS = """
            select m.id, m.petition_slug, m.subject, m.status, m.created_at, m.started_at, m.finished_at,
                count(r.status) as recipients,
                count(r.status) filter (where r.status in ('PENDING', 'SENDING')) as queued,
                count(r.status) filter (where r.status = 'SENT') as sent,
                count(r.status) filter (where r.status = 'FAILED') as failed,
                count(r.status) filter (where r.status = 'SKIPPED') as skipped,
                count(r.status) filter (where r.status = 'UNCERTAIN') as uncertain
            from email.mailing m left join email.mailing_recipient r on r.mailing_id = m.id
            where m.id = ? and m.petition_slug = ?
            group by m.id""";

    /*
     * The oldest unfinished mailing nobody holds (or whose holder stopped renewing its lease: it died) with a
     * recipient due now, or none left to send to. One whose last recipients wait to retry must not hold up
     * the mailings behind it.
     */
    private static final String LEASE_NEXT = """
            update email.mailing set lease_owner = ?, lease_until = now() + ?::interval, status = 'SENDING',
                started_at = coalesce(started_at, now())
            where id = (select m.id from email.mailing m
                        where m.status <> 'FINISHED' and (m.lease_until is null or m.lease_until < now())
                          and coalesce((select min(r.next_attempt_at) from email.mailing_recipient r
                                        where r.mailing_id = m.id and r.status in ('PENDING', 'SENDING')),
                                       now()) <= now()
                        order by m.created_at limit 1 for update skip locked)
            returning id, petition_slug, subject, html_body, text_body, language""";

    private static final String RENEW = """
            update email.mailing set lease_until = now() + ?::interval where id = ? and lease_owner = ?""";

    private static final String RELEASE = """
            update email.mailing set lease_owner = null, lease_until = null where id = ? and lease_owner = ?""";

    private static final String FINISH_IF_DONE = """
            update email.mailing set status = 'FINISHED', finished_at = now(), lease_owner = null, lease_until = null
            where id = ? and lease_owner = ?
              and not exists (select 1 from email.mailing_recipient
                              where mailing_id = ? and status in ('PENDING', 'SENDING'))""";

    private final Statements statements;

    public MailingRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** Records the update, its translations and its recipients; returns how many recipients there are. */
    public int create(Mailing mailing) {
        Mailing.Version original = mailing.original();
        statements.update("record mailing " + mailing.id(), INSERT, mailing.id(), mailing.petitionSlug(),
                original.subject(), original.htmlBody(), original.textBody(), original.language());
        for (Mailing.Version translation : mailing.translations().values()) {
            statements.update("record a translation of mailing " + mailing.id(), INSERT_TRANSLATION, mailing.id(),
                    translation.language(), translation.subject(), translation.htmlBody(), translation.textBody());
        }
        return statements.update("choose the recipients of mailing " + mailing.id(), INSERT_RECIPIENTS,
                mailing.id(), mailing.petitionSlug());
    }

    public Optional<MailingProgress> progress(String petitionSlug, UUID id) {
        return statements.query("read mailing " + id, MailingRepository::progress, PROGRESS, id, petitionSlug)
                .stream().findFirst();
    }

    /** Takes the next mailing to send, for {@code lease}, with its translations; empty when none is due or free. */
    public Optional<Mailing> leaseNext(UUID owner, Duration lease) {
        return statements.query("lease a mailing", row -> new Leased(row.getObject("id", UUID.class),
                        row.getString("petition_slug"), version(row)), LEASE_NEXT, owner, Statements.interval(lease))
                .stream().findFirst()
                .map(leased -> new Mailing(leased.id(), leased.petitionSlug(), leased.original(),
                        translations(leased.id())));
    }

    private record Leased(UUID id, String petitionSlug, Mailing.Version original) {
    }

    private Map<String, Mailing.Version> translations(UUID mailingId) {
        return statements.query("read the translations of mailing " + mailingId, MailingRepository::version,
                TRANSLATIONS, mailingId).stream()
                .collect(Collectors.toMap(Mailing.Version::language, Function.identity()));
    }

    private static Mailing.Version version(ResultSet row) throws SQLException {
        return new Mailing.Version(row.getString("language"), row.getString("subject"), row.getString("html_body"),
                row.getString("text_body"));
    }

    /** False when the lease is no longer this owner's: it was too slow to renew, and another took over. */
    public boolean renewLease(UUID mailingId, UUID owner, Duration lease) {
        return statements.update("renew the lease on mailing " + mailingId, RENEW, Statements.interval(lease),
                mailingId, owner) == 1;
    }

    /** Lets any instance go on with the mailing at once, instead of after the lease runs out. */
    public void releaseLease(UUID mailingId, UUID owner) {
        statements.update("release mailing " + mailingId, RELEASE, mailingId, owner);
    }

    /** Marks the mailing finished when no recipient is due any more; false while some are (or wait to retry). */
    public boolean finishIfDone(UUID mailingId, UUID owner) {
        return statements.update("finish mailing " + mailingId, FINISH_IF_DONE, mailingId, owner, mailingId) == 1;
    }

    private static MailingProgress progress(ResultSet row) throws SQLException {
        return new MailingProgress(row.getObject("id", UUID.class), row.getString("petition_slug"),
                row.getString("subject"), MailingStatus.valueOf(row.getString("status")), row.getInt("recipients"),
                row.getInt("queued"), row.getInt("sent"), row.getInt("failed"), row.getInt("skipped"),
                row.getInt("uncertain"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
