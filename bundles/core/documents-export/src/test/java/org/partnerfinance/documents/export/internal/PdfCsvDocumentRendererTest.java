package org.partnerfinance.documents.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;

/** The downloads read back with the same libraries a partner's tools would use, figure by figure. */
public class PdfCsvDocumentRendererTest {

    private final DocumentRenderer renderer = new PdfCsvDocumentRenderer("Example Distribution AG");

    static String text(byte[] pdf) throws IOException {
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(StatementCsv.HEADER, parser.getHeaderNames());
            return new ArrayList<>(parser.getRecords());
        }
    }

    @Test
    public void invoicePdfShowsPartiesLinesTaxesTotalsAndTheSettlementState() throws IOException {
        String text = text(renderer.documentPdf(Samples.invoice(), Samples.partner()));

        assertTrue(text, text.contains("Invoice INV-2026-0042"));
        assertTrue("company and partner, partner name in its own script: " + text,
                text.contains("Example Distribution AG") && text.contains(Samples.PARTNER_NAME));
        assertTrue(text, text.contains("VAT id PL1234567890"));
        assertTrue(text, text.contains("90-001 Łódź"));
        assertTrue(text, text.contains("2026-10-01") && text.contains("2026-10-31"));
        assertTrue(text, text.contains("Router X200 (Größe M)"));
        assertTrue(text, text.contains("200.00") && text.contains("50.00"));
        assertTrue("tax breakdown: " + text, text.contains("S 19%") && text.contains("47.50"));
        assertTrue(text, text.contains("Net total EUR 250.00"));
        assertTrue(text, text.contains("Total due EUR 297.50"));
        assertTrue(text, text.contains("Open EUR 97.50"));
        assertTrue(text, text.contains("Reported paid by SAP, not yet confirmed by the bank"));
    }

    @Test
    public void charactersTheFontCannotShowAreMarkedNotDropped() throws IOException {
        String text = text(renderer.documentPdf(Samples.invoice(), Samples.partner()));
        assertTrue(text, text.contains("Installation ??"));
        assertFalse(text, text.contains("安"));
    }

    @Test
    public void aPayableIsIssuedByThePartnerToTheCompany() throws IOException {
        Document invoice = Samples.invoice();
        Document payable = new Document(invoice.id(), invoice.partnerId(), invoice.partnerName(), Direction.PAYABLE,
                DocumentKind.CREDIT_NOTE, "PCN-1", invoice.issueDate(), invoice.dueDate(), invoice.lines(),
                invoice.taxes(), invoice.net(), invoice.tax(), invoice.gross(), invoice.open(), invoice.status(),
                invoice.settlement(), true, 41L, "", "", invoice.createdAt(), 0L);
        String text = text(renderer.documentPdf(payable, null));
        assertTrue(text, text.contains("Credit note PCN-1"));
        assertTrue(text, text.contains("Issued by the partner to Example Distribution AG"));
        assertTrue("without master data the document's partner name is used: " + text,
                text.contains(Samples.PARTNER_NAME));
        assertTrue(text, text.contains("Total credited EUR 297.50"));
        assertTrue(text, text.contains("a dispute is open"));
    }

    @Test
    public void statementPdfHasOpeningMovementsClosingAndAging() throws IOException {
        String text = text(renderer.statementPdf(Samples.statement(), Samples.partner()));
        assertTrue(text, text.contains("Statement of account"));
        assertTrue(text, text.contains(Samples.PARTNER_NAME));
        assertTrue(text, text.contains("Opening balance 1,000.00"));
        assertTrue(text, text.contains("INV-2026-0042 297.50 1,297.50"));
        assertTrue(text, text.contains("200.00 1,047.50"));
        assertTrue(text, text.contains("Closing balance 1,047.50"));
        assertTrue(text, text.contains("Unapplied -20.00"));
        assertTrue(text, text.contains("Current 97.50"));
        assertTrue(text, text.contains("over 120 days 970.00"));
        assertTrue(text, text.contains("of which overdue 970.00"));
    }

    @Test
    public void longStatementsContinueOnFurtherPagesWithEveryMovement() throws IOException {
        Statement sample = Samples.statement();
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal balance = sample.opening();
        for (int i = 1; i <= 150; i++) {
            balance = balance.add(BigDecimal.TEN);
            lines.add(new StatementLine(sample.from(), "invoice", Direction.RECEIVABLE, "INV-" + i, BigDecimal.TEN,
                    BigDecimal.ZERO, balance, (long) i, null));
        }
        Statement statement = new Statement(sample.partnerId(), sample.partnerName(), "EUR", sample.from(),
                sample.asOf(), sample.opening(), balance, lines, sample.aging());
        byte[] pdf = renderer.statementPdf(statement, Samples.partner());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue("pages: " + document.getNumberOfPages(), document.getNumberOfPages() >= 3);
        }
        String text = text(pdf);
        for (int i = 1; i <= 150; i++) {
            assertTrue("movement " + i, text.contains("INV-" + i + " "));
        }
        assertTrue(text, text.contains("Closing balance 2,500.00"));
    }

    @Test
    public void statementCsvParsesAndItsFiguresAddUp() throws IOException {
        Statement statement = Samples.statement();
        byte[] bytes = renderer.statementCsv(statement);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertFalse("no byte order mark", raw.startsWith("\uFEFF"));
        assertTrue("RFC 4180 line ends", raw.contains("\r\n"));

        List<CSVRecord> records = csv(bytes);
        assertEquals(1 + 3 + 1 + 7, records.size());
        CSVRecord opening = records.get(0);
        assertEquals("opening", opening.get("kind"));
        assertEquals("1000.00", opening.get("balance"));

        BigDecimal balance = new BigDecimal(opening.get("balance"));
        for (CSVRecord movement : records.subList(1, 4)) {
            BigDecimal debit = new BigDecimal(movement.get("debit"));
            BigDecimal credit = new BigDecimal(movement.get("credit"));
            balance = balance.add(debit).subtract(credit);
            assertEquals("running balance of " + movement.get("number"), balance,
                    new BigDecimal(movement.get("balance")));
        }
        assertEquals("a number with a comma and quotes survives", "CN-7, \"urgent\"", records.get(2).get("number"));
        assertEquals("receivable", records.get(1).get("direction"));
        assertEquals("P-1001", records.get(1).get("partner"));

        CSVRecord closing = records.get(4);
        assertEquals("closing", closing.get("kind"));
        assertEquals(0, balance.compareTo(new BigDecimal(closing.get("balance"))));

        BigDecimal aged = BigDecimal.ZERO;
        List<String> buckets = new ArrayList<>();
        for (CSVRecord bucket : records.subList(5, records.size())) {
            assertEquals("aging", bucket.get("kind"));
            buckets.add(bucket.get("number"));
            aged = aged.add(new BigDecimal(bucket.get("balance")));
        }
        assertEquals(List.of("unapplied", "current", "1-30", "31-60", "61-90", "91-120", "120+"), buckets);
        assertEquals("the buckets add up to the closing balance", 0, aged.compareTo(new BigDecimal("1047.50")));
    }

    @Test
    public void csvKeepsTheCurrencysDecimals() throws IOException {
        Statement s = Samples.statement();
        Statement yen = new Statement(s.partnerId(), s.partnerName(), "JPY", s.from(), s.asOf(), new BigDecimal("1000"),
                new BigDecimal("1000"), List.of(), new org.partnerfinance.documents.api.Aging(BigDecimal.ZERO,
                        new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO));
        List<CSVRecord> records = csv(renderer.statementCsv(yen));
        assertEquals("1000", records.get(0).get("balance"));
        assertEquals("JPY", records.get(0).get("currency"));
    }
}
