package org.petitionpipeline.reporting.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console templates write numbers and times: {@code {total.grouped}} is 100,000. */
@TemplateExtension
final class ConsoleFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ConsoleFormats() {
    }

    static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    /** To the second, in UTC, as the page's column heading says. */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
