package org.petitionpipeline.reporting.calls;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.CallReported;

@ApplicationScoped
public class CallCountRepository {

    /*
     * One statement, so one transaction: the report ids not counted before are recorded and the counts raised by
     * exactly their number, or none of it happens. A replayed batch inserts no id and adds nothing. Rows are taken
     * in key order so that two consumers of the topic never wait on each other in a circle.
     */
    private static final String COUNT_NEW_REPORTS = """
            with newly_counted as (
                insert into reporting.counted_call (report_id, petition_slug, target_name, outcome, region,
                                                    reported_at, counted_at)
                select id, slug, target, outcome, region, reported_at, now()
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    as batch(id, slug, target, outcome, region, reported_at)
                order by id
                on conflict (report_id) do nothing
                returning petition_slug, target_name, outcome, coalesce(region, 'unknown') as region)
            insert into reporting.call_count (petition_slug, target_name, outcome, region, calls)
            select petition_slug, target_name, outcome, region, count(*) from newly_counted
            group by 1, 2, 3, 4 order by 1, 2, 3, 4
            on conflict (petition_slug, target_name, outcome, region) do update
                set calls = reporting.call_count.calls + excluded.calls""";

    /* The petition row comes back even without calls, so no calls is told from no petition. */
    private static final String CALLS = """
            select c.target_name, c.outcome, sum(c.calls) as calls
            from reporting.petition p
            left join reporting.call_count c on c.petition_slug = p.slug
            where p.slug = ?
            group by c.target_name, c.outcome
            order by c.target_name, c.outcome""";

    /* Most calls first; the region breaks ties, so a report made twice lists them in the same order. */
    private static final String CALLS_BY_REGION = """
            select region, sum(calls) as calls from reporting.call_count
            where petition_slug = ?
            group by region
            order by calls desc, region""";

    private final DataSource dataSource;

    public CallCountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts the batch's reports not counted before, in one round trip. */
    public void countReported(List<CallReported> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_NEW_REPORTS)) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    batch.stream().map(CallReported::reportId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("text",
                    batch.stream().map(CallReported::petitionSlug).toArray()));
            statement.setArray(3, connection.createArrayOf("text",
                    batch.stream().map(CallReported::targetName).toArray()));
            statement.setArray(4, connection.createArrayOf("text",
                    batch.stream().map(call -> call.outcome().name()).toArray()));
            statement.setArray(5, connection.createArrayOf("text",
                    batch.stream().map(CallReported::region).toArray()));
            statement.setArray(6, connection.createArrayOf("timestamptz",
                    batch.stream().map(call -> Timestamp.from(call.reportedAt())).toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count a batch of " + batch.size() + " call reports", e);
        }
    }

    /** Calls per caller's region (ISO 3166-2, or 'unknown'), most first; for organizers, not the public count. */
    public Map<String, Long> byRegion(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(CALLS_BY_REGION)) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Long> byRegion = new LinkedHashMap<>();
                while (rows.next()) {
                    byRegion.put(rows.getString("region"), rows.getLong("calls"));
                }
                return byRegion;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the calls by region of petition " + slug, e);
        }
    }

    /** Empty when there is no such petition. */
    public Optional<PetitionCalls> find(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(CALLS)) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Map<CallOutcome, Long>> byTarget = new LinkedHashMap<>();
                boolean petitionExists = false;
                while (rows.next()) {
                    petitionExists = true;
                    if (rows.getString("target_name") != null) {
                        byTarget.computeIfAbsent(rows.getString("target_name"), name -> new EnumMap<>(CallOutcome.class))
                                .put(CallOutcome.valueOf(rows.getString("outcome")), rows.getLong("calls"));
                    }
                }
                return petitionExists ? Optional.of(PetitionCalls.of(slug, byTarget)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the calls of petition " + slug, e);
        }
    }
}
