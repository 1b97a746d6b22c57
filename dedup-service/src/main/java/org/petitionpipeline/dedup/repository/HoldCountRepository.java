package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The fraud signals' counts per source and window, in PostgreSQL so that every dedup instance adds to them. */
@ApplicationScoped
public class HoldCountRepository {

    /*
     * One round trip per batch. Rows are taken in key order, so two instances adding to the same sources wait for
     * each other instead of deadlocking; each statement commits at once, so none waits long.
     */
    private static final String ADD = """
            insert into dedup.hold_count as h (window_start, source, count)
            select * from unnest(?::timestamptz[], ?::text[], ?::integer[]) as b(window_start, source, count)
            order by window_start, source
            on conflict (window_start, source) do update set count = h.count + excluded.count
            returning window_start, source, count""";

    private static final String FORGET = "delete from dedup.hold_count where window_start < ?";

    private final DataSource dataSource;

    public HoldCountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds {@code counts} to what all instances counted before, and returns each source's count after that. */
    public Map<WindowSource, Integer> add(Map<WindowSource, Integer> counts) {
        List<Map.Entry<WindowSource, Integer>> rows = List.copyOf(counts.entrySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setArray(1, connection.createArrayOf("timestamptz",
                    rows.stream().map(row -> Timestamp.from(row.getKey().windowStart())).toArray()));
            add.setArray(2, connection.createArrayOf("text",
                    rows.stream().map(row -> row.getKey().source()).toArray()));
            add.setArray(3, connection.createArrayOf("integer", rows.stream().map(Map.Entry::getValue).toArray()));
            Map<WindowSource, Integer> totals = new HashMap<>();
            try (ResultSet counted = add.executeQuery()) {
                while (counted.next()) {
                    totals.put(new WindowSource(counted.getObject(1, OffsetDateTime.class).toInstant(),
                            counted.getString(2)), counted.getInt(3));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count " + rows.size() + " sources of fraud signals", e);
        }
    }

    /** Deletes the counts of the windows that start before {@code windowStart}. */
    public void forgetBefore(Instant windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setTimestamp(1, Timestamp.from(windowStart));
            forget.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the fraud signals' counts before " + windowStart, e);
        }
    }

    /** A source of signatures (its signal's name and value, e.g. {@code address 198.51.100.9/32}) in one window. */
    public record WindowSource(Instant windowStart, String source) {
    }
}
