package org.petitionpipeline.reporting.audit;

import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * A page of the audit log to read: one organization's entries or (null) everyone's, those older than the entry
 * {@code before} (null for the newest), at most {@code limit} of them.
 */
public record AuditQuery(String organization, Long before, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** From the query parameters as sent; a malformed {@code before} or {@code limit} is a 422 that names it. */
    static AuditQuery of(String organization, String before, String limit) {
        return new AuditQuery(organization == null || organization.isBlank() ? null : organization.strip(),
                before == null ? null : positive(before, "before", Long.MAX_VALUE,
                        "the next_before of the page read last, a whole number from 1"),
                limit == null ? DEFAULT_LIMIT : (int) positive(limit, "limit", MAX_LIMIT,
                        "a whole number from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")"));
    }

    private static long positive(String value, String parameter, long max, String expected) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw ProblemException.unprocessable("the audit log cannot be read as asked",
                Map.of(parameter, "must be " + expected));
    }
}
