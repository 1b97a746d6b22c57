package org.petitionpipeline.reporting.reports.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.reports.repository.ReportScope;

/** Reads which report a request asks for from its {@code as_of} and {@code region} query parameters. */
final class ReportRequests {

    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}-[A-Za-z0-9]{1,3}");

    private ReportRequests() {
    }

    /**
     * {@code as_of} defaults to now, to the millisecond (the database keeps microseconds, Java clocks may give
     * nanoseconds), so the as_of echoed in the answer is exact and asking again with it gives the same bytes. A
     * moment still to come is refused: signatures could yet be counted before it.
     */
    static ReportScope scope(String slug, String asOf, String region) {
        Instant now = Instant.now();
        Instant moment = asOf == null ? now.truncatedTo(ChronoUnit.MILLIS) : parse(asOf)
                .orElseThrow(() -> invalid("as_of", "an ISO-8601 instant such as 2026-11-22T18:00:00Z"));
        if (moment.isAfter(now)) {
            throw invalid("as_of", "a moment that has passed; leave it out for now");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw invalid("region", "an ISO 3166-2 code such as US-CA");
        }
        return new ReportScope(slug, region == null ? null : region.toUpperCase(Locale.ROOT), moment);
    }

    static Optional<Instant> parse(String instant) {
        try {
            return Optional.of(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ProblemException invalid(String parameter, String expected) {
        return ProblemException.unprocessable("the report cannot be made as asked",
                Map.of(parameter, "must be " + expected));
    }
}
