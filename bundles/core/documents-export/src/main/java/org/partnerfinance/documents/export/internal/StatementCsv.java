package org.partnerfinance.documents.export.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;

/**
 * A statement of account as CSV: RFC 4180 (CRLF, quotes where needed), UTF-8 without byte order mark, one header row.
 * Rows in reading order: the opening balance, every movement with its running balance, the closing balance, then the
 * aging buckets (their amounts in the balance column; they add up to the closing balance). The bucket names are those
 * of the REST API's statement ({@code unapplied}, {@code current}, {@code 1-30}, ... {@code 120+}).
 */
final class StatementCsv {

    static final List<String> HEADER = List.of("partner", "currency", "date", "kind", "direction", "number", "debit",
            "credit", "balance");
    static final String OPENING = "opening";
    static final String CLOSING = "closing";
    static final String AGING = "aging";

    private StatementCsv() {
    }

    static byte[] render(Statement statement) {
        String currency = statement.currency();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + statement.lines().size() * 96);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            String partner = statement.partnerId();
            csv.printRecord(partner, currency, statement.from(), OPENING, "", "", "", "",
                    Amounts.plain(statement.opening(), currency));
            for (StatementLine line : statement.lines()) {
                csv.printRecord(partner, currency, line.date(), line.kind(),
                        line.direction() == null ? "" : line.direction().id(), line.number(),
                        Amounts.plain(line.debit(), currency), Amounts.plain(line.credit(), currency),
                        Amounts.plain(line.balance(), currency));
            }
            csv.printRecord(partner, currency, statement.asOf(), CLOSING, "", "", "", "",
                    Amounts.plain(statement.closing(), currency));
            Aging aging = statement.aging();
            for (Bucket bucket : buckets(aging)) {
                csv.printRecord(partner, currency, statement.asOf(), AGING, "", bucket.name(), "", "",
                        Amounts.plain(bucket.amount(), currency));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the statement CSV", e);
        }
        return bytes.toByteArray();
    }

    /** One aging bucket with the name files and the REST API use. */
    record Bucket(String name, String label, BigDecimal amount) {
    }

    static List<Bucket> buckets(Aging aging) {
        return List.of(new Bucket("unapplied", "Unapplied", aging.unapplied()),
                new Bucket("current", "Current", aging.current()),
                new Bucket("1-30", "1–30 days", aging.days1to30()),
                new Bucket("31-60", "31–60 days", aging.days31to60()),
                new Bucket("61-90", "61–90 days", aging.days61to90()),
                new Bucket("91-120", "91–120 days", aging.days91to120()),
                new Bucket("120+", "over 120 days", aging.over120()));
    }
}
