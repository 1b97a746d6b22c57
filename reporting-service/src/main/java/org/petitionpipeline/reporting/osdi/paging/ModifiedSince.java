package org.petitionpipeline.reporting.osdi.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OSDI's one OData filter a CRM needs to sync: {@code modified_date gt '2014-03-20T21:04:31Z'}, with a timestamp
 * that has an offset ({@code Z} or {@code +01:00}) or a bare date (midnight UTC), as OSDI clients send. Nothing else
 * of OData: another field, operator or an unquoted value is refused rather than half understood.
 */
public final class ModifiedSince {

    private static final Pattern FILTER = Pattern.compile("modified_date gt '([^']+)'");

    private ModifiedSince() {
    }

    /** The instant after which rows are wanted, to the microsecond PostgreSQL keeps; empty when malformed. */
    public static Optional<Instant> parse(String filter) {
        Matcher matcher = FILTER.matcher(filter.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return instant(matcher.group(1)).filter(Position::storable);
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException notATimestamp) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
