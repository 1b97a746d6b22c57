package org.petitionpipeline.testsupport.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, so a test can hold a dashboard's or an alert's queries to what the
 * services export. Not a PromQL parser: it removes what can hold other identifiers (strings, label matchers,
 * ranges, Grafana variables, {@code by (…)} label lists), then every identifier left that is not a keyword and not
 * followed by {@code (} (a function or an aggregation) is a metric name.
 */
public final class PromQlMetricNames {

    /**
     * Removed in this order, each before what could hide it: a string may hold braces or brackets, a label matcher
     * or a range may hold a Grafana variable.
     */
    private static final List<Pattern> NOT_NAMES = List.of(
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'"),
            Pattern.compile("\\$\\{[^}]*}|\\$\\w+"),
            Pattern.compile("\\{[^}]*}"),
            Pattern.compile("\\[[^]]*]"),
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"));
    // numbers first, so the unit of a duration (`offset 5m`) or an exponent is not taken for a name
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d[\\w.]*)|(?<identifier>[A-Za-z_:][\\w:]*)(?<call>\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private PromQlMetricNames() {
    }

    public static SortedSet<String> in(String expression) {
        String names = expression;
        for (Pattern notNames : NOT_NAMES) {
            names = notNames.matcher(names).replaceAll(" ");
        }
        SortedSet<String> metrics = new TreeSet<>();
        Matcher token = TOKEN.matcher(names);
        while (token.find()) {
            String identifier = token.group("identifier");
            boolean called = token.group("call") != null;
            if (identifier != null && !called && !KEYWORDS.contains(identifier.toLowerCase(Locale.ROOT))) {
                metrics.add(identifier);
            }
        }
        return metrics;
    }
}
