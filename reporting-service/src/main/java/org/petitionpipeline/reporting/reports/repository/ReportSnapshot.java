package org.petitionpipeline.reporting.reports.repository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.reporting.calls.PetitionCalls;

/**
 * One delivery report's reads, in one repeatable-read transaction, so its cover, tables and signer list
 * agree with each other. Close it to end the transaction.
 */
public class ReportSnapshot implements AutoCloseable {

    /*
     * Who is in the report. Inlined by PostgreSQL into each query below (it is referenced once), so the signer list
     * is read in the order of the signer_in_report_order index.
     */
    private static final String IN_REPORT = """
            with report as (
                select s.*, c.verified_at from reporting.signer s
                join reporting.counted_signature c on c.signature_id = s.signature_id
                where s.petition_slug = ? and c.counted_at <= ?
                  and (c.invalidated_at is null or c.invalidated_at > ?)
                  and (cast(? as text) is null or s.region = ?))
            """;
    private static final String SUMMARY = IN_REPORT + """
            select count(*) as signatures, count(*) filter (where verified_at <= ?) as verified,
                   min(signed_at) as first_signed, max(signed_at) as last_signed
            from report""";
    private static final String COUNT_BY = IN_REPORT + """
            select coalesce(%s, 'unknown') as bucket, count(*) as signatures
            from report group by 1 order by 2 desc, 1""";
    private static final String TIMELINE = IN_REPORT + """
            select date_trunc(?, signed_at, 'UTC') as bucket, count(*) as signatures
            from report group by 1 order by 1""";
    /* An erased signer still counts in the figures above, but is no longer listed. */
    private static final String SIGNERS = IN_REPORT + """
            select signature_id, signed_at, given_name, family_name, postal_code, region, country, comment
            from report where erased_at is null order by signed_at, signature_id""";
    /*
     * Signers the same report listed when it was made before their erasure: what a copy delivered earlier has and a
     * report made now lacks. One erased by as_of was never in any copy of this report.
     */
    private static final String ERASED_SINCE_AS_OF = IN_REPORT + """
            select count(*) as erased from report where erased_at > ?""";

    /* The calls counted by the report's as_of, from callers in its region when it has one. */
    private static final String CALLS_IN_REPORT = """
            with calls as (
                select * from reporting.counted_call
                where petition_slug = ? and counted_at <= ? and (cast(? as text) is null or region = ?))
            """;
    private static final String CALLS_BY_TARGET = CALLS_IN_REPORT + """
            select target_name, outcome, count(*) as calls from calls group by 1, 2 order by 1, 2""";
    private static final String CALLS_BY_REGION = CALLS_IN_REPORT + """
            select coalesce(region, 'unknown') as bucket, count(*) as calls from calls group by 1 order by 2 desc, 1""";

    /* Rows fetched per round trip while the signer list streams: memory stays flat however long the list is. */
    private static final int FETCH_SIZE = 1000;
    /* A petition that ran longer than this is charted per day rather than per hour. */
    private static final Duration HOURLY_CHART_SPAN = Duration.ofDays(3);

    private final Connection connection;
    private final ReportScope scope;
    private final int poolIsolation;

    ReportSnapshot(Connection connection, ReportScope scope) throws SQLException {
        this.connection = connection;
        this.scope = scope;
        this.poolIsolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
    }

    public ReportScope scope() {
        return scope;
    }

    public ReportFigures figures() {
        try (PreparedStatement summary = prepare(SUMMARY)) {
            summary.setTimestamp(6, Timestamp.from(scope.asOf()));
            return figures(summary);
        } catch (SQLException e) {
            throw failure("figures", e);
        }
    }

    private ReportFigures figures(PreparedStatement summary) throws SQLException {
        try (ResultSet row = summary.executeQuery()) {
            row.next();
            long signatures = row.getLong("signatures");
            Instant first = instant(row.getTimestamp("first_signed"));
            Instant last = instant(row.getTimestamp("last_signed"));
            ChronoUnit unit = first != null && Duration.between(first, last).compareTo(HOURLY_CHART_SPAN) > 0
                    ? ChronoUnit.DAYS : ChronoUnit.HOURS;
            return new ReportFigures(signatures, row.getLong("verified"), first, last, countBy("country"),
                    countBy("region"), unit, timeline(unit), calls(), callsByRegion());
        }
    }

    /** How many of the report's signers were erased at their request after its as_of, and are no longer listed. */
    public long erasedSinceAsOf() {
        try (PreparedStatement query = prepare(ERASED_SINCE_AS_OF)) {
            query.setTimestamp(6, Timestamp.from(scope.asOf()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong("erased");
            }
        } catch (SQLException e) {
            throw failure("erased signers", e);
        }
    }

    /** Hands each signer of the report to {@code sink} in report order, reading from a cursor. */
    public void forEachSigner(SignerSink sink) throws IOException {
        try (PreparedStatement query = prepare(SIGNERS)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new SignerRow(rows.getObject("signature_id", UUID.class),
                            rows.getTimestamp("signed_at").toInstant(), rows.getString("given_name"),
                            rows.getString("family_name"), rows.getString("postal_code"), rows.getString("region"),
                            rows.getString("country"), rows.getString("comment")));
                }
            }
        } catch (SQLException e) {
            throw failure("signer list", e);
        }
    }

    private Map<String, Long> countBy(String column) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = prepare(COUNT_BY.formatted(column)); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString("bucket"), rows.getLong("signatures"));
            }
        }
        return counts;
    }

    private PetitionCalls calls() throws SQLException {
        Map<String, Map<CallOutcome, Long>> byTarget = new LinkedHashMap<>();
        try (PreparedStatement query = prepareCalls(CALLS_BY_TARGET); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byTarget.computeIfAbsent(rows.getString("target_name"), name -> new EnumMap<>(CallOutcome.class))
                        .put(CallOutcome.valueOf(rows.getString("outcome")), rows.getLong("calls"));
            }
        }
        return PetitionCalls.of(scope.slug(), byTarget);
    }

    private Map<String, Long> callsByRegion() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = prepareCalls(CALLS_BY_REGION); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString("bucket"), rows.getLong("calls"));
            }
        }
        return counts;
    }

    private Map<Instant, Long> timeline(ChronoUnit unit) throws SQLException {
        Map<Instant, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = prepare(TIMELINE)) {
            query.setString(6, unit == ChronoUnit.DAYS ? "day" : "hour");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getTimestamp("bucket").toInstant(), rows.getLong("signatures"));
                }
            }
        }
        return counts;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Timestamp asOf = Timestamp.from(scope.asOf());
        statement.setString(1, scope.slug());
        statement.setTimestamp(2, asOf);
        statement.setTimestamp(3, asOf);
        statement.setString(4, scope.region());
        statement.setString(5, scope.region());
        return statement;
    }

    private PreparedStatement prepareCalls(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, scope.slug());
        statement.setTimestamp(2, Timestamp.from(scope.asOf()));
        statement.setString(3, scope.region());
        statement.setString(4, scope.region());
        return statement;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private IllegalStateException failure(String part, SQLException e) {
        return new IllegalStateException(
                "could not read the " + part + " of the report of petition " + scope.slug(), e);
    }

    @Override
    public void close() {
        // The connection goes back to the pool as it came: others take rows for update and must not meet
        // serialization errors
        try (connection) {
            connection.rollback();
            connection.setTransactionIsolation(poolIsolation);
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the report transaction of petition " + scope.slug(), e);
        }
    }

    /** Takes the signer list row by row; may fail with the sink's own I/O error. */
    @FunctionalInterface
    public interface SignerSink {
        void accept(SignerRow row) throws IOException;
    }
}
