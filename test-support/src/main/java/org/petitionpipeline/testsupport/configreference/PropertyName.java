package org.petitionpipeline.testsupport.configreference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A configuration property name as Quarkus reads it: dot-separated segments, where a quoted segment
 * ({@code dedup.providers."gmail.com".ignore-dots}) may hold dots of its own. A pattern has {@code *} for a segment
 * that is a map key; the reference writes such a segment as a placeholder ({@code "<domain>"}).
 */
final class PropertyName {

    static final String ANY_SEGMENT = "*";

    private PropertyName() {
    }

    static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        for (char c : name.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '.' && !quoted) {
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        segments.add(segment.toString());
        return segments;
    }

    /** Whether {@code name} is an instance of {@code pattern}, each {@code *} standing for any one segment. */
    static boolean matches(String name, String pattern) {
        List<String> names = segments(name);
        List<String> patterns = segments(pattern);
        if (names.size() != patterns.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!patterns.get(i).equals(ANY_SEGMENT) && !patterns.get(i).equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The reference's placeholders ({@code "<domain>"}, {@code <domain>}) turned into {@code *}. */
    static String fromReference(String documented) {
        return String.join(".", segments(documented).stream()
                .map(segment -> segment.matches("\"?<[^>]+>\"?") ? ANY_SEGMENT : segment)
                .toList());
    }

    static boolean isPattern(String name) {
        return segments(name).contains(ANY_SEGMENT);
    }

    /**
     * The environment variable Quarkus maps to this name: every character but letters and digits becomes an
     * underscore, the rest upper case. A placeholder's angle brackets are kept, so the reference can write
     * {@code DEDUP_PROVIDERS__<DOMAIN>__IGNORE_DOTS}.
     */
    static String environmentVariable(String documented) {
        return documented.replaceAll("[^A-Za-z0-9<>]", "_").toUpperCase(Locale.ROOT);
    }
}
