package org.petitionpipeline.reporting.counting;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.VerifiedSignature;

@ApplicationScoped
public class TotalsRepository {

    /*
     * Adds (or, with column "invalidated", takes off) the signatures a data-modifying CTE returned to the breakdown
     * rows they belong to. Rows are taken in key order, as petition_total rows are, so that the consumers of
     * accepted and invalidated signatures never wait on each other in a circle.
     */
    private static final String BREAKDOWN_CTE = """
            breakdowns as (
                insert into reporting.breakdown_count (petition_slug, dimension, bucket, %2$s)
                select petition_slug, bucket.dimension, bucket.bucket, count(*)
                from %1$s cross join lateral reporting.breakdown_buckets(country, region, accepted_at) as bucket
                where %3$s
                group by 1, 2, 3 order by 1, 2, 3
                on conflict (petition_slug, dimension, bucket) do update
                    set %2$s = reporting.breakdown_count.%2$s + excluded.%2$s)""";

    /*
     * Moves the modified_at of the signer rows (if recorded yet) of the signatures a data-modifying CTE returned, so
     * a CRM syncing over the OSDI API with modified_since sees them again with their new status. Locked after the
     * counted_signature rows and in id order, as every statement here takes rows, so two never wait in a circle.
     */
    private static final String SIGNERS_CHANGED_CTE = """
            signers_changed as (
                update reporting.signer set modified_at = now()
                where signature_id in (
                    select signature_id from reporting.signer where signature_id in (select signature_id from %s)
                    order by signature_id for update))""";

    /*
     * One statement, so one transaction: the signature ids not counted before are recorded with the breakdown rows
     * they go to, and the totals and those rows raised by exactly their number, or none of it happens. A replayed
     * batch finds its ids counted and adds nothing; an id invalidated before it was accepted already has its row,
     * so it is never counted; an id verified before it was accepted has its row too, and is counted as verified. Rows are taken in id order, as by COUNT_NEW_INVALIDATIONS, so that the two consumers never
     * wait on each other in a circle.
     */
    private static final String COUNT_NEW_SIGNATURES = """
            with newly_counted as (
                insert into reporting.counted_signature (signature_id, petition_slug, counted_at, country, region,
                                                         accepted_at)
                select distinct on (id) id, slug, now(), coalesce(nullif(upper(trim(country)), ''), 'unknown'),
                       coalesce(nullif(upper(trim(region)), ''), 'unknown'), accepted_at
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    as batch(id, slug, country, region, accepted_at)
                order by id
                on conflict (signature_id) do update
                    set counted_at = excluded.counted_at, country = excluded.country, region = excluded.region,
                        accepted_at = excluded.accepted_at
                    where reporting.counted_signature.counted_at is null
                      and reporting.counted_signature.invalidated_at is null
                returning petition_slug, country, region, accepted_at, verified_at),
            %s
            insert into reporting.petition_total (petition_slug, accepted, verified, updated_at)
            select petition_slug, count(*), count(verified_at), now() from newly_counted
            group by petition_slug order by petition_slug
            on conflict (petition_slug) do update
                set accepted = reporting.petition_total.accepted + excluded.accepted,
                    verified = reporting.petition_total.verified + excluded.verified,
                    updated_at = excluded.updated_at""".formatted(
            BREAKDOWN_CTE.formatted("newly_counted", "accepted", "true"));

    /*
     * Marks each id invalidated once (a replay finds it marked and returns no row) and subtracts only the ids
     * that were counted, from the breakdown rows recorded with them. An id not seen yet gets a row without
     * counted_at, which keeps its accepted event, whenever it comes, from counting it. A verified signature leaves
     * the verified figure too. DISTINCT: one statement may not update the same row twice.
     */
    private static final String COUNT_NEW_INVALIDATIONS = """
            with batch as (
                select distinct on (id) id, slug from unnest(?::uuid[], ?::text[]) as batch(id, slug) order by id),
            newly_invalidated as (
                insert into reporting.counted_signature (signature_id, petition_slug, invalidated_at)
                select id, slug, now() from batch order by id
                on conflict (signature_id) do update set invalidated_at = excluded.invalidated_at
                    where reporting.counted_signature.invalidated_at is null
                returning signature_id, petition_slug, counted_at, country, region, accepted_at, verified_at),
            %s,
            %s
            insert into reporting.petition_total (petition_slug, accepted, invalidated, verified, updated_at)
            select petition_slug, 0, count(*), -count(verified_at), now() from newly_invalidated
            where counted_at is not null
            group by petition_slug order by petition_slug
            on conflict (petition_slug) do update
                set invalidated = reporting.petition_total.invalidated + excluded.invalidated,
                    verified = reporting.petition_total.verified + excluded.verified,
                    updated_at = excluded.updated_at""".formatted(
            BREAKDOWN_CTE.formatted("newly_invalidated", "invalidated",
                    "counted_at is not null and accepted_at is not null"),
            SIGNERS_CHANGED_CTE.formatted("newly_invalidated"));

    /*
     * Marks each id verified once, and raises the verified figure by the ids counted and not invalidated. An id
     * not accepted yet gets its row now, and its accepted event counts it as verified.
     */
    private static final String COUNT_NEW_VERIFICATIONS = """
            with batch as (
                select distinct on (id) id, slug, verified_at
                from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as batch(id, slug, verified_at) order by id),
            newly_verified as (
                insert into reporting.counted_signature (signature_id, petition_slug, verified_at)
                select id, slug, verified_at from batch order by id
                on conflict (signature_id) do update set verified_at = excluded.verified_at
                    where reporting.counted_signature.verified_at is null
                returning signature_id, petition_slug, counted_at, invalidated_at),
            %s
            insert into reporting.petition_total (petition_slug, accepted, verified, updated_at)
            select petition_slug, 0, count(*), now() from newly_verified
            where counted_at is not null and invalidated_at is null
            group by petition_slug order by petition_slug
            on conflict (petition_slug) do update
                set verified = reporting.petition_total.verified + excluded.verified,
                    updated_at = excluded.updated_at""".formatted(SIGNERS_CHANGED_CTE.formatted("newly_verified"));

    private static final String RECORD_NEW_REJECTIONS = """
            insert into reporting.rejected_submission (submission_id, petition_slug, reason, recorded_at)
            select id, slug, reason, now() from unnest(?::uuid[], ?::text[], ?::text[]) as batch(id, slug, reason)
            on conflict (submission_id) do nothing""";

    private static final String TOTALS = """
            select p.slug,
                   coalesce(reporting.public_total(p.verified_signatures_only, t.accepted, t.invalidated, t.verified), 0)
                       as total,
                   coalesce(t.verified, 0) as verified, p.goal, greatest(p.updated_at, t.updated_at) as updated_at
            from reporting.petition p left join reporting.petition_total t on t.petition_slug = p.slug
            """;

    /*
     * Rejections are counted when asked (ops, not the public) rather than kept as counters: a held submission
     * stops being held when it is released (accepted) or struck out (invalidated), which these rows show
     * whichever event came first.
     */
    private static final String STATS = """
            select p.slug, coalesce(t.accepted, 0) as accepted, coalesce(t.invalidated, 0) as invalidated,
                   coalesce(t.verified, 0) as verified,
                   coalesce(reporting.public_total(p.verified_signatures_only, t.accepted, t.invalidated, t.verified), 0)
                       as total,
                   r.duplicates, r.invalid, r.held, greatest(p.updated_at, t.updated_at) as updated_at
            from reporting.petition p
            left join reporting.petition_total t on t.petition_slug = p.slug
            cross join lateral (
                select count(*) filter (where rejected.reason = 'DUPLICATE') as duplicates,
                       count(*) filter (where rejected.reason = 'INVALID') as invalid,
                       count(*) filter (where rejected.reason = 'HELD' and since.signature_id is null) as held
                from reporting.rejected_submission rejected
                left join reporting.counted_signature since on since.signature_id = rejected.submission_id
                where rejected.petition_slug = p.slug) r
            where p.slug = ?""";

    private final DataSource dataSource;

    public TotalsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts the signatures of the batch not counted before, with their breakdowns, in one round trip. */
    public void countAccepted(List<CountedSignature> batch) {
        executeOverBatch(COUNT_NEW_SIGNATURES, "count a batch of " + batch.size() + " signatures",
                uuids(batch, CountedSignature::signatureId), texts(batch, CountedSignature::petitionSlug),
                texts(batch, CountedSignature::country),
                texts(batch, CountedSignature::region),
                new SqlArray("timestamptz", batch.stream().map(CountedSignature::acceptedAt)
                        .map(Timestamp::from).toArray(Timestamp[]::new)));
    }

    /** Takes the batch's counted signatures off the totals, each once, in one round trip. */
    public void countInvalidated(List<InvalidatedSignature> batch) {
        executeOverBatch(COUNT_NEW_INVALIDATIONS, "invalidate a batch of " + batch.size() + " signatures",
                uuids(batch, InvalidatedSignature::signatureId), texts(batch, InvalidatedSignature::petitionSlug));
    }

    /** Records which of the batch's signatures were confirmed by their signers, each once, in one round trip. */
    public void countVerified(List<VerifiedSignature> batch) {
        executeOverBatch(COUNT_NEW_VERIFICATIONS, "verify a batch of " + batch.size() + " signatures",
                uuids(batch, VerifiedSignature::signatureId), texts(batch, VerifiedSignature::petitionSlug),
                new SqlArray("timestamptz", batch.stream().map(VerifiedSignature::verifiedAt)
                        .map(Timestamp::from).toArray(Timestamp[]::new)));
    }

    /** Records the batch's rejected submissions not recorded before, in one round trip. */
    public void countRejected(List<RejectedSignature> batch) {
        executeOverBatch(RECORD_NEW_REJECTIONS, "record a batch of " + batch.size() + " rejections",
                uuids(batch, RejectedSignature::submissionId), texts(batch, RejectedSignature::petitionSlug),
                texts(batch, rejected -> rejected.reason().name()));
    }

    public Optional<PetitionTotal> findTotal(String slug) {
        return findOne(TOTALS + "where p.slug = ?", slug, TotalsRepository::toTotal);
    }

    /** The totals of every petition named, in one round trip; petitions that do not exist are left out. */
    public Map<String, PetitionTotal> findTotals(Collection<String> slugs) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(TOTALS + "where p.slug = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            Map<String, PetitionTotal> totals = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString("slug"), toTotal(rows));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the totals of " + slugs.size() + " petitions", e);
        }
    }

    private static PetitionTotal toTotal(ResultSet row) throws SQLException {
        return new PetitionTotal(row.getString("slug"), row.getLong("total"), row.getLong("verified"),
                row.getLong("goal"), row.getTimestamp("updated_at").toInstant());
    }

    public Optional<PetitionStats> findStats(String slug) {
        return findOne(STATS, slug, row -> new PetitionStats(row.getString("slug"), row.getLong("accepted"),
                row.getLong("invalidated"), row.getLong("verified"), row.getLong("duplicates"), row.getLong("invalid"),
                row.getLong("held"), row.getTimestamp("updated_at").toInstant(), row.getLong("total")));
    }

    private void executeOverBatch(String sql, String work, SqlArray... columns) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf(columns[i].type(), columns[i].values()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + work, e);
        }
    }

    private <T> Optional<T> findOne(String sql, String slug, Row<T> mapping) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(mapping.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the counts of petition " + slug, e);
        }
    }

    private static <E> SqlArray uuids(List<E> batch, Function<E, UUID> column) {
        return new SqlArray("uuid", batch.stream().map(column).toArray(UUID[]::new));
    }

    private static <E> SqlArray texts(List<E> batch, Function<E, String> column) {
        return new SqlArray("text", batch.stream().map(column).toArray(String[]::new));
    }

    /** One column of a batch, bound as a PostgreSQL array so the whole batch is one statement. */
    private record SqlArray(String type, Object[] values) {
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }
}
