package org.petitionpipeline.reporting.osdi.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A place in a collection's sync order: the last change time of a row and its key (a signature id, a petition slug),
 * which breaks ties. A page starts after (or ends before) a position, so reading page 400 costs what page 1 does,
 * and rows added meanwhile never shift a page. In a link it is an opaque cursor (base64url).
 */
public record Position(Instant at, String key) {

    private static final char SEPARATOR = '|';
    /* PostgreSQL keeps years 4713 BC to 294276; a time outside four-digit years is nobody's signature. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + String.valueOf(SEPARATOR) + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether PostgreSQL can compare a timestamp column with {@code at}. */
    static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** The position a cursor names; empty for anything this service did not write. */
    public static Optional<Position> ofCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0 || separator == text.length() - 1) {
                return Optional.empty();
            }
            Instant at = Instant.parse(text.substring(0, separator));
            return storable(at) ? Optional.of(new Position(at, text.substring(separator + 1))) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
