package org.partnerfinance.notifications.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as fixed-width UTC text ({@code 2026-03-02T08:00:00.000Z}): EclipseLink cannot map {@code Instant} on Derby
 * and TIMESTAMP columns shift around DST in a non-UTC JVM; fixed width makes the strings compare like the instants.
 */
final class UtcText {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcText() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant parse(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}
