package org.petitionpipeline.reporting.osdi.paging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * One page of an OSDI collection as asked: {@code per_page} rows, in sync order (last change, then key), after the
 * {@code after} cursor of a {@code next} link or before the {@code before} cursor of a {@code previous} link, only
 * rows changed after the {@code filter}'s instant. {@code page} is the number the links carry along, so the envelope's
 * {@code page} stays true. A page asked by its number alone, as OSDI clients written for page numbers do, skips the
 * pages before it: that costs a scan of the rows skipped, and rows arriving meanwhile can shift it, which the links'
 * cursors avoid (docs/osdi.md).
 */
public record PageRequest(int perPage, int page, Optional<Position> after, Optional<Position> before,
        Optional<Instant> modifiedSince, Optional<String> filter) {

    public static final int DEFAULT_PER_PAGE = 25;
    public static final int MAX_PER_PAGE = 100;

    /** From the query parameters as sent; anything malformed is a 400 problem naming the parameter. */
    public static PageRequest of(String perPage, String page, String after, String before, String filter) {
        int size = perPage == null ? DEFAULT_PER_PAGE
                : number(perPage, MAX_PER_PAGE, "per_page", "a whole number from 1 to " + MAX_PER_PAGE
                        + " (default " + DEFAULT_PER_PAGE + ")");
        int number = page == null ? 1 : number(page, Integer.MAX_VALUE - 1, "page", "a whole number from 1");
        Optional<Position> from = cursor(after, "after");
        Optional<Position> upTo = cursor(before, "before");
        if (from.isPresent() && upTo.isPresent()) {
            throw badRequest("after", "goes without before: give a next link's after or a previous link's before");
        }
        if (from.isPresent() && number < 2) {
            throw badRequest("page", "of a next link is 2 or more; follow the links as they are");
        }
        Optional<Instant> since = Optional.empty();
        if (filter != null) {
            since = Optional.of(ModifiedSince.parse(filter).orElseThrow(() -> badRequest("filter",
                    "must be modified_date gt '<ISO-8601 time with offset, or a date>', e.g. "
                            + "modified_date gt '2026-12-01T00:00:00Z'")));
        }
        return new PageRequest(size, number, from, upTo, since, Optional.ofNullable(filter));
    }

    /** Rows before this page that it skips: those of the pages before it, when it was asked by its number alone. */
    public long skipped() {
        return after.isEmpty() && before.isEmpty() ? (long) (page - 1) * perPage : 0;
    }

    private static int number(String value, int max, String parameter, String expected) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw badRequest(parameter, "must be " + expected);
    }

    private static Optional<Position> cursor(String value, String parameter) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Position.ofCursor(value).orElseThrow(() -> badRequest(parameter,
                "is not a cursor this API wrote; follow the next and previous links as they are")));
    }

    /** The 400 problem of a query parameter; {@code error} reads after its name. */
    public static ProblemException badRequest(String parameter, String error) {
        return new ProblemException(Problem.of(400, "Bad Request", "the query parameter " + parameter + " "
                + error).withErrors(Map.of(parameter, error)));
    }
}
