package org.partnerfinance.claimtype.rebate.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.partnerfinance.claimtype.rebate.api.LineProblem;
import org.partnerfinance.claimtype.rebate.api.SalesImportException;
import org.partnerfinance.ledger.api.Money;

/**
 * Reads a sales file: UTF-8 CSV with a header naming the columns {@code date} (ISO, 2026-03-31), {@code product},
 * {@code category} (both may be empty), {@code quantity} (decimal, up to 4 decimals, may be negative for returns),
 * {@code amount} (net, decimal in the currency's minor unit, may be negative) and {@code currency} (ISO 4217), in any
 * order. Every bad line is reported; a file with a bad line yields no lines at all.
 */
final class SalesCsv {

    static final List<String> COLUMNS = List.of("date", "product", "category", "quantity", "amount", "currency");
    static final int MAX_LINES = 1_000_000;
    /** Problems reported in full; further ones are counted. */
    static final int MAX_PROBLEMS = 100;

    private SalesCsv() {
    }

    /** One sales line as read; {@code lineNo} is its line in the file (header = 1). */
    record Line(long lineNo, LocalDate date, String product, String category, BigDecimal quantity, BigDecimal amount,
            Currency currency) {
    }

    /** @throws SalesImportException with every problem when any line is bad */
    static List<Line> parse(byte[] content, DoubleConsumer progress) {
        List<LineProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int extra = 0;
        Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).build();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.toLowerCase(Locale.ROOT), v));
            List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new SalesImportException(List.of(new LineProblem(1, "The header misses the column(s) "
                        + String.join(", ", missing) + ". Expected: " + String.join(",", COLUMNS) + ".")));
            }
            long reportEvery = Math.max(1, content.length / 100);
            long nextReport = reportEvery;
            for (CSVRecord record : parser) {
                long lineNo = parser.getCurrentLineNumber();
                if (lines.size() + problems.size() + extra >= MAX_LINES) {
                    throw new SalesImportException(List.of(new LineProblem(lineNo,
                            "A file has at most " + MAX_LINES + " lines; split it.")));
                }
                try {
                    lines.add(line(lineNo, record, header));
                } catch (IllegalArgumentException e) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new LineProblem(lineNo, e.getMessage()));
                    } else {
                        extra++;
                    }
                }
                if (progress != null && record.getCharacterPosition() >= nextReport) {
                    progress.accept(Math.min(1.0, (double) record.getCharacterPosition() / content.length));
                    nextReport += reportEvery;
                }
            }
        } catch (CharacterCodingException e) {
            throw new SalesImportException(List.of(new LineProblem(0, "The file is not UTF-8 text.")));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SalesImportException(List.of(new LineProblem(0, "The file is not readable as CSV: "
                    + e.getMessage())));
        } catch (IllegalArgumentException e) {
            if (e instanceof SalesImportException s) {
                throw s;
            }
            // e.g. a duplicate or empty header name
            throw new SalesImportException(List.of(new LineProblem(1, "The header is not valid: " + e.getMessage())));
        }
        if (extra > 0) {
            problems.add(new LineProblem(0, "... and " + extra + " more bad lines."));
        }
        if (!problems.isEmpty()) {
            throw new SalesImportException(problems);
        }
        if (lines.isEmpty()) {
            throw new SalesImportException(List.of(new LineProblem(0, "The file has no sales lines.")));
        }
        return lines;
    }

    private static Line line(long lineNo, CSVRecord r, Map<String, Integer> header) {
        if (!r.isConsistent()) {
            throw new IllegalArgumentException("Expected " + header.size() + " values, found " + r.size() + ".");
        }
        LocalDate date;
        String dateText = value(r, header, "date");
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The date \"" + dateText + "\" is not a date like 2026-03-31.");
        }
        String product = optional(r, header, "product");
        String category = optional(r, header, "category");
        BigDecimal quantity = decimal(value(r, header, "quantity"), "quantity");
        if (quantity.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("The quantity has at most 4 decimals.");
        }
        if (quantity.abs().compareTo(new BigDecimal("1E15")) >= 0) {
            throw new IllegalArgumentException("The quantity is too large.");
        }
        Currency currency = Money.currency(value(r, header, "currency"));
        BigDecimal amount = new Money(decimal(value(r, header, "amount"), "amount"), currency).amount();
        return new Line(lineNo, date, product, category, quantity, amount, currency);
    }

    private static BigDecimal decimal(String text, String column) {
        if (text.length() > 40) {
            throw new IllegalArgumentException("The " + column + " is too long.");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + column + " \"" + text + "\" is not a number like 1234.50.");
        }
    }

    private static String value(CSVRecord r, Map<String, Integer> header, String column) {
        String v = r.get(header.get(column));
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("The " + column + " is missing.");
        }
        return v.strip();
    }

    private static String optional(CSVRecord r, Map<String, Integer> header, String column) {
        String v = r.get(header.get(column));
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > AgreementRules.MAX_CODE) {
            throw new IllegalArgumentException("The " + column + " has at most " + AgreementRules.MAX_CODE
                    + " characters.");
        }
        return v.strip();
    }
}
