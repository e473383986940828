package org.partnerfinance.funds.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an instant as fixed-width ISO-8601 UTC text with milliseconds ({@code 2025-01-31T09:15:00.000Z}). JDBC
 * TIMESTAMP columns go through the JVM's default time zone, which shifts instants in daylight-saving transitions; text
 * in UTC round-trips exactly and still sorts in time order.
 */
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, String> {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
