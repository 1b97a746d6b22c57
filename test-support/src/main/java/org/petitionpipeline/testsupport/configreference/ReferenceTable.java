package org.petitionpipeline.testsupport.configreference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's section of the configuration reference: the rows of the tables under its {@code ## <service>}
 * heading, up to the next such heading. A row is {@code | `property` | `VARIABLE` | default | what it does |}; the
 * default cell's first code span is the default, a cell without one says there is none.
 */
final class ReferenceTable {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");

    /** One documented property, its name as written (placeholders and all). */
    record Row(String name, Optional<String> environmentVariable, Optional<String> defaultValue) {
    }

    private ReferenceTable() {
    }

    /** The rows by normalized name ({@code *} for a placeholder segment). */
    static Map<String, Row> read(Path reference, String service) {
        List<String> lines = lines(reference);
        int heading = lines.indexOf("## " + service);
        if (heading < 0) {
            throw new AssertionError(reference + " has no section '## " + service + "'");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            rowOf(line).ifPresent(row -> {
                if (rows.put(PropertyName.fromReference(row.name()), row) != null) {
                    throw new AssertionError(reference + " names " + row.name() + " twice under '## " + service + "'");
                }
            });
        }
        return rows;
    }

    /**
     * Every environment variable named in the tables before the first service's section: the settings shared by
     * every service, where one row may name several variables ({@code KAFKA_SASL_MECHANISM}, {@code …}).
     */
    static Set<String> sharedEnvironmentVariables(Path reference) {
        Set<String> variables = new TreeSet<>();
        for (String line : lines(reference)) {
            if (line.startsWith("## ")) {
                break;
            }
            List<String> cells = line.startsWith("|") ? cells(line) : List.of();
            if (cells.size() >= 2) {
                Matcher code = CODE_SPAN.matcher(cells.get(1));
                while (code.find()) {
                    variables.add(code.group(1));
                }
            }
        }
        return variables;
    }

    private static List<String> lines(Path reference) {
        try {
            return Files.readAllLines(reference);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + reference, e);
        }
    }

    private static Optional<Row> rowOf(String line) {
        if (!line.startsWith("|")) {
            return Optional.empty();
        }
        List<String> cells = cells(line);
        if (cells.size() < 3) {
            return Optional.empty();
        }
        return firstCodeSpan(cells.get(0))
                .map(name -> new Row(name, firstCodeSpan(cells.get(1)), firstCodeSpan(cells.get(2))));
    }

    /** The cells between the pipes; a pipe inside a code span belongs to the cell. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (char c : line.substring(1).toCharArray()) {
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '|' && !inCode) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static Optional<String> firstCodeSpan(String cell) {
        Matcher code = CODE_SPAN.matcher(cell);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }
}
