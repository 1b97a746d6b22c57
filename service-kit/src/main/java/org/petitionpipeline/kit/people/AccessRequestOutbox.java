package org.petitionpipeline.kit.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The access requests a service must answer ({@code people.access-requests}), and the outbox of its answers on
 * {@code people.access-reports}, over a table {@code <schema>.access_request (request_id uuid primary key,
 * email_hash text, requested_at timestamptz, published_at timestamptz)}. A request is recorded once per id (a replay,
 * a second instance: nothing new); its report is made when it is relayed, from what the service holds at that moment,
 * so no copy of a person's data waits in a table of its own, and an erasure in between leaves nothing to report.
 */
public final class AccessRequestOutbox implements Outbox<AccessReport> {

    /** What the service holds about one person: one map per thing held, led by its {@link AccessReport#KIND}. */
    @FunctionalInterface
    public interface PersonRecords {
        List<Map<String, Object>> of(Connection connection, String emailHash) throws SQLException;
    }

    private final DataSource dataSource;
    private final String table;
    private final String service;
    private final PersonRecords records;
    private final long relayLockKey;

    /**
     * @param table        the schema-qualified table, e.g. {@code dedup.access_request}
     * @param service      the module name the report is signed with, e.g. {@code dedup-service}
     * @param relayLockKey the advisory lock one answering instance holds ({@link AccessReportRelay}), unique in the
     *                     database
     */
    public AccessRequestOutbox(DataSource dataSource, String table, String service, PersonRecords records,
            long relayLockKey) {
        this.dataSource = dataSource;
        this.table = table;
        this.service = service;
        this.records = records;
        this.relayLockKey = relayLockKey;
    }

    long relayLockKey() {
        return relayLockKey;
    }

    /** Records requests to answer; one seen before (its id) is answered once only. */
    public void recordAll(List<AccessRequested> requests) {
        if (requests.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into " + table
                        + " (request_id, email_hash, requested_at) select * from unnest(?::uuid[], ?::text[],"
                        + " ?::timestamptz[]) on conflict (request_id) do nothing")) {
            insert.setArray(1, connection.createArrayOf("uuid",
                    requests.stream().map(AccessRequested::requestId).toArray()));
            insert.setArray(2, connection.createArrayOf("text",
                    requests.stream().map(AccessRequested::emailHash).toArray()));
            insert.setArray(3, connection.createArrayOf("timestamptz",
                    requests.stream().map(request -> Timestamp.from(request.requestedAt())).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + requests.size() + " access requests", e);
        }
    }

    @Override
    public List<AccessReport> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select request_id, email_hash from " + table
                        + " where published_at is null order by requested_at, request_id limit ?")) {
            query.setInt(1, limit);
            List<AccessReport> reports = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String emailHash = rows.getString("email_hash");
                    reports.add(new AccessReport(EventSchema.VERSION, rows.getObject("request_id", UUID.class),
                            emailHash, service, records.of(connection, emailHash), Instant.now()));
                }
            }
            return reports;
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the unpublished access reports", e);
        }
    }

    @Override
    public void markPublished(List<AccessReport> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set published_at = now() where request_id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(AccessReport::requestId).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " access reports published", e);
        }
    }

    /**
     * Each row of the query as a record of this kind: column label to value, times as ISO-8601 text and ids as text,
     * so the report reads the same in every service and in JSON.
     */
    public static List<Map<String, Object>> rows(Connection connection, String kind, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (columns.getColumnLabel(i).equals(AccessReport.KIND)) {
                        throw new IllegalArgumentException("give the column 'kind' another name: it names the record");
                    }
                }
                while (rows.next()) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put(AccessReport.KIND, kind);
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        record.put(columns.getColumnLabel(i), plain(rows.getObject(i)));
                    }
                    records.add(record);
                }
            }
            return records;
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Timestamp time) {
            return time.toInstant().toString();
        }
        return value instanceof UUID id ? id.toString() : value;
    }
}
