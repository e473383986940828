package org.partnerfinance.connector.csv.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;

/**
 * The configured layout of a CSV file: which header holds which field, and how values are written. Turns one record
 * into a {@link Row}, naming every value it cannot read.
 */
final class CsvLayout {

    /** The fields of a row, in the order the preview shows them. */
    enum Field {
        PARTNER(true), DIRECTION(false), KIND(false), NUMBER(true), ISSUE_DATE(true), DUE_DATE(false),
        CURRENCY(true), DESCRIPTION(true), QUANTITY(true), UNIT_PRICE(true), TAX_CATEGORY(false), TAX_RATE(false),
        GROSS(false), CREDITED(false);

        final boolean required;

        Field(boolean required) {
            this.required = required;
        }
    }

    final char separator;
    final boolean decimalComma;
    final DateTimeFormatter dates;
    final String datePattern;
    final String sourceSystem;
    final Direction defaultDirection;
    final Map<Field, String> headers;

    CsvLayout(CsvConfiguration config) {
        this(separator(config.separator()), config.decimal_comma(), config.date_pattern(), config.source_system(),
                Direction.byId(config.default_direction()), headers(config));
    }

    CsvLayout(char separator, boolean decimalComma, String datePattern, String sourceSystem,
            Direction defaultDirection, Map<Field, String> headers) {
        this.separator = separator;
        this.decimalComma = decimalComma;
        this.datePattern = datePattern;
        try {
            this.dates = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date.pattern '" + datePattern + "' is not a date pattern: "
                    + e.getMessage(), e);
        }
        if (sourceSystem == null || sourceSystem.isBlank()) {
            throw new IllegalArgumentException("source.system must not be empty");
        }
        this.sourceSystem = sourceSystem.strip();
        this.defaultDirection = defaultDirection;
        this.headers = Map.copyOf(headers);
    }

    /** The portal's own layout (the defaults). */
    static CsvLayout defaults() {
        Map<Field, String> headers = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            headers.put(f, f.name().toLowerCase(Locale.ROOT));
        }
        return new CsvLayout(',', false, "yyyy-MM-dd", "csv", Direction.RECEIVABLE, headers);
    }

    private static char separator(String text) {
        String s = text == null ? "" : text;
        if (s.equals("\\t")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException("separator must be one character (or \\t), not '" + s + "'");
        }
        return s.charAt(0);
    }

    private static Map<Field, String> headers(CsvConfiguration c) {
        Map<Field, String> m = new LinkedHashMap<>();
        m.put(Field.PARTNER, c.column_partner());
        m.put(Field.DIRECTION, c.column_direction());
        m.put(Field.KIND, c.column_kind());
        m.put(Field.NUMBER, c.column_number());
        m.put(Field.ISSUE_DATE, c.column_issue_date());
        m.put(Field.DUE_DATE, c.column_due_date());
        m.put(Field.CURRENCY, c.column_currency());
        m.put(Field.DESCRIPTION, c.column_description());
        m.put(Field.QUANTITY, c.column_quantity());
        m.put(Field.UNIT_PRICE, c.column_unit_price());
        m.put(Field.TAX_CATEGORY, c.column_tax_category());
        m.put(Field.TAX_RATE, c.column_tax_rate());
        m.put(Field.GROSS, c.column_gross());
        m.put(Field.CREDITED, c.column_credited());
        for (Map.Entry<Field, String> e : m.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("The column of " + e.getKey().name().toLowerCase(Locale.ROOT)
                        + " must not be empty");
            }
            e.setValue(e.getValue().strip());
        }
        return m;
    }

    /** The required columns the file's header lacks, by configured header name. */
    List<String> missing(List<String> fileHeaders) {
        List<String> lower = fileHeaders.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.required && !lower.contains(headers.get(f).toLowerCase(Locale.ROOT))) {
                missing.add(headers.get(f));
            }
        }
        return missing;
    }

    /** One line of the file, read; {@code problems} names what could not be read (empty when fine). */
    record Row(long line, String partner, Direction direction, DocumentKind kind, String number, LocalDate issueDate,
            LocalDate dueDate, String currency, String description, BigDecimal quantity, BigDecimal unitPrice,
            String taxCategory, BigDecimal taxRate, BigDecimal gross, String credited, List<String> problems) {

        /** The document this line belongs to: partner, direction, kind and number, case and blanks ignored. */
        String documentKey() {
            return (partner + "|" + direction + "|" + kind + "|" + number).toLowerCase(Locale.ROOT);
        }
    }

    Row read(CSVRecord record, Map<String, String> headerIndex) {
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(record, headerIndex, problems);
        String partner = r.text(Field.PARTNER);
        String directionText = r.text(Field.DIRECTION);
        Direction direction = defaultDirection;
        if (directionText != null) {
            try {
                direction = Direction.byId(directionText);
            } catch (IllegalArgumentException e) {
                problems.add("direction \"" + directionText + "\" is not receivable or payable");
            }
        }
        String kindText = r.text(Field.KIND);
        DocumentKind kind = DocumentKind.INVOICE;
        if (kindText != null) {
            String k = kindText.toLowerCase(Locale.ROOT).replace('_', '-');
            if (k.equals("credit-note") || k.equals("creditnote") || k.equals("credit")) {
                kind = DocumentKind.CREDIT_NOTE;
            } else if (!k.equals("invoice")) {
                problems.add("kind \"" + kindText + "\" is not invoice or credit-note");
            }
        }
        return new Row(record.getRecordNumber() + 1, partner, direction, kind, r.text(Field.NUMBER),
                r.date(Field.ISSUE_DATE), r.date(Field.DUE_DATE), r.text(Field.CURRENCY), r.text(Field.DESCRIPTION),
                r.decimal(Field.QUANTITY), r.decimal(Field.UNIT_PRICE), r.text(Field.TAX_CATEGORY),
                r.decimal(Field.TAX_RATE), r.decimal(Field.GROSS), r.text(Field.CREDITED), List.copyOf(problems));
    }

    /** Reads the values of one record, adding a problem for each required value missing or unreadable. */
    private final class Reader {
        private final CSVRecord record;
        private final Map<String, String> headerIndex;
        private final List<String> problems;

        Reader(CSVRecord record, Map<String, String> headerIndex, List<String> problems) {
            this.record = record;
            this.headerIndex = headerIndex;
            this.problems = problems;
        }

        String raw(Field field) {
            String header = headerIndex.get(headers.get(field).toLowerCase(Locale.ROOT));
            if (header == null || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(Field field) {
            String value = raw(field);
            if (value == null && field.required) {
                problems.add(headers.get(field) + " is empty");
            }
            return value;
        }

        LocalDate date(Field field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value, dates);
            } catch (DateTimeParseException e) {
                problems.add(headers.get(field) + " \"" + value + "\" is not a date like " + datePattern);
                return null;
            }
        }

        BigDecimal decimal(Field field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            // strict: no thousands separators, only the configured decimal mark, so that "12,5" is never read as 125
            String pattern = decimalComma ? "[-+]?\\d{1,20}(,\\d{1,12})?" : "[-+]?\\d{1,20}(\\.\\d{1,12})?";
            if (!value.matches(pattern)) {
                problems.add(headers.get(field) + " \"" + value + "\" is not a number like "
                        + (decimalComma ? "1234,56" : "1234.56"));
                return null;
            }
            return new BigDecimal(decimalComma ? value.replace(',', '.') : value);
        }
    }
}
