package org.petitionpipeline.local.tools.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What PostgreSQL ran while the load ran, from {@code pg_stat_statements} (preloaded by the embedded server): per
 * service (the schema a statement names) and kind, the statements and rows per acknowledged signature, so that the
 * work each service asks of the database per signature can be compared from run to run and cut.
 */
public final class StatementCounts {

    private static final Pattern SCHEMA = Pattern.compile("\\b(dedup|email|reporting)\\.");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(\\w+)");
    private static final int TOP = 10;

    private final List<Entry> entries;

    private StatementCounts(List<Entry> entries) {
        this.entries = entries;
    }

    /** Starts the count afresh; false (and nothing counted) where the server has no pg_stat_statements loaded. */
    public static boolean reset(Connection database) {
        try (Statement statement = database.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException notLoaded) {
            return false;
        }
    }

    public static StatementCounts read(Connection database) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select query, calls, rows, total_exec_time from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())""")) {
            while (rows.next()) {
                String query = rows.getString(1);
                entries.add(new Entry(serviceOf(query), kindOf(query), query.replaceAll("\\s+", " ").strip(),
                        rows.getLong(2), rows.getLong(3), rows.getDouble(4)));
            }
        }
        return new StatementCounts(entries);
    }

    /**
     * Two Markdown tables: each service's statements and rows by kind per acknowledged signature with PostgreSQL's
     * execution time, then the statements run most often. Rows as pg_stat_statements counts them: those the
     * statement itself changed or returned, so a {@code with … insert} counts only what its final select returns.
     */
    public String describe(long acknowledged) {
        if (acknowledged == 0) {
            return "No signature was acknowledged: nothing to count per signature.";
        }
        Map<String, List<Entry>> byGroup = new TreeMap<>(entries.stream()
                .collect(Collectors.groupingBy(entry -> entry.service() + " | " + entry.kind())));
        String groups = byGroup.entrySet().stream().map(group -> "| %s | %.2f | %.2f | %.0f |".formatted(
                        group.getKey(),
                        group.getValue().stream().mapToLong(Entry::calls).sum() / (double) acknowledged,
                        group.getValue().stream().mapToLong(Entry::rows).sum() / (double) acknowledged,
                        group.getValue().stream().mapToDouble(Entry::milliseconds).sum() * 1000 / acknowledged))
                .collect(Collectors.joining("\n"));
        String top = entries.stream().sorted(Comparator.comparingLong(Entry::calls).reversed()).limit(TOP)
                .map(entry -> "| %s | %.2f | %.2f | `%s` |".formatted(entry.service(),
                        entry.calls() / (double) acknowledged, entry.rows() / (double) acknowledged,
                        abbreviated(entry.query())))
                .collect(Collectors.joining("\n"));
        return """
                | service (schema named) | kind | statements per signature | rows per signature | PostgreSQL time per signature (µs) |
                | --- | --- | --- | --- | --- |
                %s

                The %d statements run most often:

                | service | statements per signature | rows per signature | statement |
                | --- | --- | --- | --- |
                %s
                """.formatted(groups, TOP, top);
    }

    private static String serviceOf(String query) {
        Matcher schema = SCHEMA.matcher(query);
        return schema.find() ? schema.group(1) : "none (transactions, settings)";
    }

    /** insert, update, delete, select…; a {@code with} names the first write it holds, since that is its work. */
    private static String kindOf(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        Matcher first = FIRST_WORD.matcher(lower);
        String word = first.find() ? first.group(1) : "other";
        if (word.equals("with")) {
            for (String write : List.of("insert", "update", "delete")) {
                if (lower.contains(write + " ")) {
                    return "with … " + write;
                }
            }
        }
        return word;
    }

    private static String abbreviated(String query) {
        String oneLine = query.replace('|', '/').replace('`', '\'');
        return oneLine.length() <= 110 ? oneLine : oneLine.substring(0, 107) + "…";
    }

    private record Entry(String service, String kind, String query, long calls, long rows, double milliseconds) {
    }
}
