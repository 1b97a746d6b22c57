package org.petitionpipeline.reporting.webhooks.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.webhooks.service.WebhookEventType;

/**
 * The webhook outbox, {@code reporting.webhook_delivery}: rows written by the consumers with what they count, claimed
 * by the delivery worker, and marked with each attempt's outcome.
 */
@ApplicationScoped
public class DeliveryOutbox {

    /*
     * One row per event and subscribed, enabled endpoint of the petition's organization. The event id is derived from
     * the endpoint, the type and the signature, so a replayed batch finds its rows already there (and receivers see
     * the same webhook-id however often the event is counted). A row is its subject's head (claimable) when it is the
     * subject's first in the batch and the subject has no pending webhook at the endpoint; the others wait behind it.
     */
    private static final String ENQUEUE = """
            insert into reporting.webhook_delivery (endpoint_id, event_id, event_type, signature_id, petition_slug,
                                                    ordering_key, occurred_at, next_attempt_at, head)
            select e.id, md5(e.id::text || ':' || ? || ':' || s.signature_id::text)::uuid, ?, s.signature_id, s.slug,
                   s.email_hash, s.occurred_at, now(),
                   row_number() over (partition by e.id, s.email_hash order by s.occurred_at, s.signature_id) = 1
                   and not exists (%s)
            from unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[])
                 as s(signature_id, slug, email_hash, occurred_at)
            join reporting.petition p on p.slug = s.slug
            join reporting.webhook_endpoint e on e.organization = p.organization
            where e.disabled_at is null and ? = any(e.event_types)
            order by s.email_hash, s.occurred_at, s.signature_id
            on conflict (endpoint_id, event_id) do nothing""".formatted(pendingOf("e.id", "s.email_hash"));

    /*
     * A petition's or a call's events: the body made at queue time (data), merged with the identifier of the
     * signature the event concerns when reporting holds it; such an event is ordered with that signer's events.
     */
    private static final String ENQUEUE_OF_PETITIONS = """
            insert into reporting.webhook_delivery (endpoint_id, event_id, event_type, petition_slug, ordering_key,
                                                    occurred_at, next_attempt_at, data, head)
            select e.id, md5(e.id::text || ':' || ? || ':' || s.source)::uuid, ?, s.slug, subject.key, s.occurred_at,
                   now(),
                   s.data::jsonb || case when signer.signature_id is null then '{}'::jsonb
                       else jsonb_build_object('signature', jsonb_build_object('identifiers',
                            jsonb_build_array('petition-pipeline:' || signer.signature_id))) end,
                   row_number() over (partition by e.id, subject.key order by s.occurred_at, s.source) = 1
                   and not exists (%s)
            from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::uuid[])
                 as s(source, slug, ordering_key, occurred_at, data, signature_id)
            join reporting.petition p on p.slug = s.slug
            join reporting.webhook_endpoint e on e.organization = p.organization
            left join reporting.signer signer on signer.signature_id = s.signature_id and signer.petition_slug = s.slug
            cross join lateral (select coalesce(signer.email_hash, s.ordering_key) as key) subject
            where e.disabled_at is null and ? = any(e.event_types)
            order by s.occurred_at, s.source
            on conflict (endpoint_id, event_id) do nothing""".formatted(pendingOf("e.id", "subject.key"));

    /*
     * A person's events: one per organization holding signatures of theirs (signed by signed_by, when given), naming
     * those signatures by their identifiers, never by the email. Ordered by the person's hash, like their signatures.
     */
    private static final String ENQUEUE_OF_PEOPLE = """
            insert into reporting.webhook_delivery (endpoint_id, event_id, event_type, ordering_key, occurred_at,
                                                    next_attempt_at, data, head)
            select e.id, md5(e.id::text || ':' || s.type || ':' || s.source)::uuid, s.type, s.email_hash,
                   s.occurred_at, now(), s.data::jsonb || jsonb_build_object('identifiers',
                       jsonb_agg('petition-pipeline:' || signer.signature_id order by signer.signature_id)),
                   row_number() over (partition by e.id, s.email_hash order by s.occurred_at, s.source) = 1
                   and not exists (%s)
            from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                 as s(source, type, email_hash, occurred_at, signed_by, data)
            join reporting.signer signer on signer.email_hash = s.email_hash
                 and signer.signed_at <= coalesce(s.signed_by, 'infinity'::timestamptz)
            join reporting.petition p on p.slug = signer.petition_slug
            join reporting.webhook_endpoint e on e.organization = p.organization
            where e.disabled_at is null and s.type = any(e.event_types)
            group by e.id, s.source, s.type, s.email_hash, s.occurred_at, s.data
            order by s.email_hash, s.occurred_at, s.source
            on conflict (endpoint_id, event_id) do nothing""".formatted(pendingOf("e.id", "s.email_hash"));

    /*
     * The endpoint's due deliveries, soonest due first, each its subject's head: the oldest pending one of its person or
     * petition at this endpoint (a later event of a subject waits until the earlier one is delivered or has failed for
     * good). SKIP LOCKED and the lease let instances claim side by side without taking the same row; the due and lease
     * conditions stand on the locked rows themselves, so PostgreSQL checks them again on a row another instance
     * claimed meanwhile. It reads only due heads (webhook_delivery_claimable), so it costs what it claims whatever is
     * queued behind them.
     */
    private static final String CLAIM = """
            update reporting.webhook_delivery d set claimed_until = ?
            where d.id in (
                select c.id from reporting.webhook_delivery c
                where c.endpoint_id = ? and c.status = 'PENDING' and c.head and c.next_attempt_at <= ?
                  and (c.claimed_until is null or c.claimed_until < ?)
                order by c.next_attempt_at, c.id
                limit ?
                for update skip locked)
            returning d.id, d.endpoint_id, d.event_id, d.event_type, d.signature_id, d.petition_slug, d.occurred_at,
                      d.attempts, d.first_attempt_at, d.data::text as data""";

    /*
     * Makes the oldest pending webhook of each subject given head, where the subject has pending webhooks at the
     * endpoint and no head among them. The subjects are those of deliveries that just ended (their head), or, in the
     * repair, those of every webhook waiting behind a head. Both questions are one look at the subject's pending rows
     * (webhook_delivery_pending_of_subject): asked as "no pending head", PostgreSQL answered from the index of heads
     * and read every head of the endpoint for each subject.
     */
    private static final String PROMOTE = """
            update reporting.webhook_delivery d set head = true
            where d.id in (
                select pending.oldest from (%s) subject
                cross join lateral (select min(n.id) as oldest, bool_or(n.head) as has_head
                                    from reporting.webhook_delivery n
                                    where n.endpoint_id = subject.endpoint_id and n.ordering_key = subject.ordering_key
                                      and n.status = 'PENDING') pending
                where pending.oldest is not null and not pending.has_head)""";
    private static final String PROMOTE_AFTER = PROMOTE.formatted("""
            select distinct endpoint_id, ordering_key from reporting.webhook_delivery where id = any(?::bigint[])""");
    private static final String PROMOTE_HEADLESS = PROMOTE.formatted("""
            select distinct endpoint_id, ordering_key from reporting.webhook_delivery
            where status = 'PENDING' and not head""");

    /* Whether a subject has a pending webhook at an endpoint, given the SQL naming the two. */
    private static String pendingOf(String endpoint, String subject) {
        return """
                select 1 from reporting.webhook_delivery w
                where w.endpoint_id = %s and w.ordering_key = %s and w.status = 'PENDING'""".formatted(endpoint, subject);
    }

    private final DataSource dataSource;
    private final Statements statements;

    public DeliveryOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
        this.statements = new Statements(dataSource);
    }

    /** In the caller's transaction: a delivery to each endpoint that subscribes to {@code type}. */
    public void enqueue(WebhookEventType type, List<SignatureEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setString(1, type.label());
            insert.setString(2, type.label());
            insert.setArray(3, connection.createArrayOf("uuid",
                    events.stream().map(SignatureEvent::signatureId).toArray()));
            insert.setArray(4, connection.createArrayOf("text",
                    events.stream().map(SignatureEvent::petitionSlug).toArray()));
            insert.setArray(5, connection.createArrayOf("text",
                    events.stream().map(SignatureEvent::emailHash).toArray()));
            insert.setArray(6, connection.createArrayOf("timestamptz",
                    events.stream().map(event -> Timestamp.from(event.occurredAt())).toArray()));
            insert.setString(7, type.label());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue webhooks for " + events.size() + " signatures", e);
        }
    }

    /** In the caller's transaction: a delivery of each event to each endpoint of its petition's organization. */
    public void enqueueOfPetitions(WebhookEventType type, List<PetitionEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        statements.update("queue " + events.size() + " " + type.label() + " webhooks", ENQUEUE_OF_PETITIONS,
                type.label(), type.label(), texts(events, PetitionEvent::source),
                texts(events, PetitionEvent::petitionSlug), texts(events, PetitionEvent::orderingKey),
                texts(events, event -> event.occurredAt().toString()), texts(events, PetitionEvent::data),
                texts(events, event -> Objects.toString(event.signatureId(), null)), type.label());
    }

    /** In the caller's transaction: a delivery of each event to each endpoint of an organization holding the person. */
    public void enqueueOfPeople(List<PersonEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        statements.update("queue " + events.size() + " webhooks of people", ENQUEUE_OF_PEOPLE,
                texts(events, PersonEvent::source), texts(events, event -> event.type().label()),
                texts(events, PersonEvent::emailHash),
                texts(events, event -> event.occurredAt().toString()),
                texts(events, event -> Objects.toString(event.signedBy(), null)), texts(events, PersonEvent::data));
    }

    /* Text arrays, cast in the statement: the driver binds a String[] as text[] whatever the element type. */
    private static <T> String[] texts(List<T> events, Function<T, String> column) {
        return events.stream().map(column).toArray(String[]::new);
    }

    /**
     * A test event for the endpoint, due at once: its own person key, so it waits for nobody, and its id as the
     * signature id it stands for.
     */
    public void enqueueTest(UUID endpoint, UUID eventId, String type, Instant now) {
        statements.update("queue a test webhook for endpoint " + endpoint, """
                insert into reporting.webhook_delivery (endpoint_id, event_id, event_type, signature_id, petition_slug,
                                                        ordering_key, occurred_at, next_attempt_at, head)
                values (?, ?, ?, ?, '', ?, ?, ?, true)""", endpoint, eventId, type, eventId, "test:" + eventId,
                Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * In the erasure's transaction: the person's email hash replaced on their deliveries by one random stand-in, so
     * nothing here leads to them any more while their pending webhooks (their person.erased last) keep their order.
     */
    public void forgetPerson(String emailHash) {
        statements.update("forget a person's webhook deliveries",
                "update reporting.webhook_delivery set ordering_key = ? where ordering_key = ?",
                "erased:" + UUID.randomUUID(), emailHash);
    }

    /** Endpoints that have a delivery they may be sent due at {@code now} and are not disabled. */
    public List<UUID> endpointsWithDueDeliveries(Instant now) {
        return statements.query("find endpoints with due webhooks", row -> row.getObject(1, UUID.class), """
                select e.id from reporting.webhook_endpoint e
                where e.disabled_at is null
                  and exists (select 1 from reporting.webhook_delivery d
                              where d.endpoint_id = e.id and d.status = 'PENDING' and d.head and d.next_attempt_at <= ?)""",
                Timestamp.from(now));
    }

    /** Up to {@code limit} of the endpoint's due deliveries, leased to the caller until {@code leaseEnds}. */
    public List<Delivery> claim(UUID endpoint, int limit, Instant now, Instant leaseEnds) {
        Timestamp at = Timestamp.from(now);
        List<Delivery> claimed = new ArrayList<>(statements.query("claim the due webhooks of endpoint " + endpoint,
                row -> new Delivery(row.getLong("id"), row.getObject("endpoint_id", UUID.class),
                        row.getObject("event_id", UUID.class), row.getString("event_type"),
                        row.getObject("signature_id", UUID.class), row.getString("petition_slug"),
                        EndpointRepository.instant(row, "occurred_at"), row.getInt("attempts"),
                        EndpointRepository.instant(row, "first_attempt_at"), row.getString("data")),
                CLAIM, Timestamp.from(leaseEnds), endpoint, at, at, limit));
        claimed.sort(Comparator.comparingLong(Delivery::id));
        return claimed;
    }

    /**
     * Subjects left with pending webhooks and no head, each given its oldest as head; how many. A queueing that saw
     * the subject's last pending webhook still pending while the delivery of that one was being recorded leaves such a
     * subject: neither transaction saw the other's row.
     */
    public int promoteHeadless() {
        return statements.update("repair the heads of webhook subjects", PROMOTE_HEADLESS);
    }

    /*
     * The attempts of one POST (one event, or a batch's): one statement whatever the batch size, since at thousands of
     * events a second a statement per event would be the delivery worker's bottleneck.
     */
    private static final String RECORD_ATTEMPTS = """
            update reporting.webhook_delivery d
            set status = a.status, attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, a.started),
                last_attempt_at = a.started, next_attempt_at = coalesce(a.next_attempt, d.next_attempt_at),
                claimed_until = null, last_status = a.http_status, last_error = a.error, last_latency_ms = a.latency,
                response_excerpt = a.excerpt
            from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::text[], ?::int[],
                        ?::text[]) as a(id, status, started, next_attempt, http_status, error, latency, excerpt)
            where d.id = a.id""";

    /**
     * Records each delivery's attempt: {@code status} the receiver's HTTP status (null when none came),
     * {@code nextAttempt} when to try again (null: no more attempts, {@code outcome} is final). The subject of a
     * delivery that ended gets its next pending webhook as head, in the caller's transaction.
     */
    public void recordAttempts(Map<Delivery, Attempt> attempts) {
        List<Delivery> deliveries = List.copyOf(attempts.keySet());
        List<Attempt> outcomes = deliveries.stream().map(attempts::get).toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(RECORD_ATTEMPTS)) {
            update.setArray(1, connection.createArrayOf("bigint", deliveries.stream().map(Delivery::id).toArray()));
            update.setArray(2, connection.createArrayOf("text",
                    outcomes.stream().map(attempt -> attempt.outcome().name()).toArray()));
            update.setArray(3, connection.createArrayOf("timestamptz",
                    outcomes.stream().map(attempt -> Timestamp.from(attempt.startedAt())).toArray()));
            update.setArray(4, connection.createArrayOf("timestamptz", outcomes.stream()
                    .map(attempt -> attempt.nextAttempt() == null ? null : Timestamp.from(attempt.nextAttempt()))
                    .toArray()));
            update.setArray(5, connection.createArrayOf("int", outcomes.stream().map(Attempt::status).toArray()));
            update.setArray(6, connection.createArrayOf("text", outcomes.stream().map(Attempt::error).toArray()));
            update.setArray(7, connection.createArrayOf("int",
                    outcomes.stream().map(Attempt::latencyMillis).toArray()));
            update.setArray(8, connection.createArrayOf("text",
                    outcomes.stream().map(Attempt::responseExcerpt).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the attempts of " + deliveries.size() + " webhooks", e);
        }
        String[] ended = deliveries.stream().filter(delivery -> attempts.get(delivery).outcome() != Outcome.PENDING)
                .map(delivery -> String.valueOf(delivery.id())).toArray(String[]::new);
        if (ended.length > 0) {
            statements.update("give the subjects of " + ended.length + " ended webhooks their next head", PROMOTE_AFTER,
                    (Object) ended);
        }
    }

    /** The endpoint's latest deliveries, newest first: its delivery log. */
    public List<LoggedDelivery> latest(UUID endpoint, int limit) {
        return statements.query("read the delivery log of webhook endpoint " + endpoint, row -> new LoggedDelivery(
                row.getObject("event_id", UUID.class), row.getString("event_type"),
                EndpointRepository.instant(row, "occurred_at"), row.getString("status"), row.getInt("attempts"),
                EndpointRepository.instant(row, "last_attempt_at"), (Integer) row.getObject("last_status"),
                (Integer) row.getObject("last_latency_ms"), row.getString("last_error"),
                row.getString("response_excerpt"),
                "PENDING".equals(row.getString("status")) ? EndpointRepository.instant(row, "next_attempt_at") : null),
                """
                select event_id, event_type, occurred_at, status, attempts, last_attempt_at, last_status,
                       last_latency_ms, last_error, response_excerpt, next_attempt_at
                from reporting.webhook_delivery where endpoint_id = ? order by id desc limit ?""", endpoint, limit);
    }

    /** Deletes deliveries that ended (delivered or failed for good) before {@code before}; how many. */
    public int forgetEndedBefore(Instant before) {
        return statements.update("delete old webhook deliveries", """
                delete from reporting.webhook_delivery
                where status <> 'PENDING' and last_attempt_at < ?""", Timestamp.from(before));
    }

    /** What an attempt came to. */
    public enum Outcome { PENDING, DELIVERED, FAILED }

    public record Attempt(Outcome outcome, Instant startedAt, Instant nextAttempt, Integer status, String error,
            int latencyMillis, String responseExcerpt) {
    }
}
