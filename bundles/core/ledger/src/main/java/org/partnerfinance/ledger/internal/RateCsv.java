package org.partnerfinance.ledger.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.RateImportException;

/**
 * Reads a CSV file of exchange rates: a header {@code date,currency,rate} (in any order, case-insensitive), then one
 * rate per line. Every line is checked and every problem is collected with its line number, so a file is either
 * accepted as a whole or refused with the complete list.
 */
final class RateCsv {

    static final List<String> HEADER = List.of("date", "currency", "rate");
    /** Lines of rates one file may hold (a few years of daily rates of a dozen currencies). */
    static final int MAX_RATES = 50_000;
    /** Problems reported at most; a file with more is wrong as a whole. */
    static final int MAX_ERRORS = 100;

    private RateCsv() {
    }

    /**
     * @return the rates of the file, in file order
     * @throws RateImportException listing every problem (line numbers count from 1, the header is line 1)
     */
    static List<ExchangeRate> parse(Reader csv, Currency base) {
        List<String> errors = new ArrayList<>();
        List<ExchangeRate> rates = new ArrayList<>();
        Map<List<Object>, Long> seen = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
            if (header.size() != HEADER.size() || !header.containsAll(HEADER)) {
                throw new RateImportException(List.of("Line 1: the header must be date,currency,rate (found "
                        + String.join(",", parser.getHeaderNames()) + ")"));
            }
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                column.put(header.get(i), i);
            }
            for (CSVRecord record : parser) {
                // the first line of the record: records may span lines only inside quotes
                long line = parser.getCurrentLineNumber() - countNewlines(record);
                if (rates.size() + errors.size() >= MAX_RATES) {
                    errors.add("Line " + line + ": a file holds at most " + MAX_RATES + " rates; split it");
                    break;
                }
                if (record.size() != HEADER.size()) {
                    errors.add("Line " + line + ": expected 3 values (date,currency,rate), found " + record.size());
                    continue;
                }
                ExchangeRate rate = parseLine(record.get(column.get("date")), record.get(column.get("currency")),
                        record.get(column.get("rate")), base, line, errors);
                if (rate != null) {
                    Long earlier = seen.putIfAbsent(List.of(rate.currency(), rate.date()), line);
                    if (earlier != null) {
                        errors.add("Line " + line + ": " + rate.currency().getCurrencyCode() + " on " + rate.date()
                                + " is already on line " + earlier);
                    } else {
                        rates.add(rate);
                    }
                }
                if (errors.size() >= MAX_ERRORS) {
                    errors.add("(stopped after " + MAX_ERRORS + " problems)");
                    break;
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // malformed CSV (e.g. an unterminated quote): Commons CSV names the position
            errors.add("The file is not valid CSV: " + e.getMessage());
        }
        if (rates.isEmpty() && errors.isEmpty()) {
            errors.add("The file holds no rates (expected a header date,currency,rate and one rate per line)");
        }
        if (!errors.isEmpty()) {
            throw new RateImportException(errors);
        }
        return rates;
    }

    private static long countNewlines(CSVRecord record) {
        long n = 0;
        for (String value : record) {
            n += value.chars().filter(c -> c == '\n').count();
        }
        return n;
    }

    private static ExchangeRate parseLine(String dateText, String currencyText, String rateText, Currency base,
            long line, List<String> errors) {
        int before = errors.size();
        LocalDate date = null;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            errors.add("Line " + line + ": the date must be written as YYYY-MM-DD: '" + clip(dateText) + "'");
        }
        Currency currency = null;
        try {
            currency = Money.currency(currencyText);
            if (currency.equals(base)) {
                errors.add("Line " + line + ": " + currencyText + " is the base currency, its rate is always 1");
                currency = null;
            }
        } catch (IllegalArgumentException e) {
            errors.add("Line " + line + ": unknown currency '" + clip(currencyText)
                    + "' (expected a three-letter ISO 4217 code like USD)");
        }
        BigDecimal rate = null;
        try {
            rate = FxRules.requireValidRate(new BigDecimal(rateText));
        } catch (NumberFormatException e) {
            errors.add("Line " + line + ": the rate must be a decimal number like 0.9231: '" + clip(rateText) + "'");
        } catch (IllegalArgumentException e) {
            errors.add("Line " + line + ": " + e.getMessage());
        }
        return errors.size() == before ? new ExchangeRate(currency, date, rate) : null;
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
