package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;

public class DocumentRendererTest {

    private static final Partner PARTNER = new Partner("P-1001", "Acme \"Resellers\", Zürich ✓", PartnerKind.RESELLER,
            Currency.getInstance("EUR"), true);
    private final DocumentRendererImpl renderer = new DocumentRendererImpl();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Statement statement(int lines) {
        List<StatementLine> movements = new ArrayList<>();
        BigDecimal balance = d("100.00");
        for (int i = 0; i < lines; i++) {
            balance = balance.add(d("10.00"));
            movements.add(new StatementLine(LocalDate.of(2025, 1, 1).plusDays(i % 300), "invoice",
                    Direction.RECEIVABLE, "INV,\"" + i, d("10.00"), d("0.00"), balance, (long) i, null));
        }
        return new Statement("P-1001", PARTNER.name(), "EUR", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                d("100.00"), balance, movements, new Aging(d("0.00"), balance, d("0.00"), d("0.00"), d("0.00"),
                        d("0.00"), d("0.00")));
    }

    @Test
    public void statementCsvHasOneHeaderMovementsAndAging() throws Exception {
        Statement s = statement(3);
        String text = new String(renderer.statementCsv(s), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        assertEquals(1 + 3 + 1 + 7, records.size());
        assertEquals("opening", records.get(0).get("kind"));
        assertEquals("INV,\"1", records.get(2).get("number"));
        assertEquals("130.00", records.get(4).get("balance"));
        assertEquals("current", records.get(6).get("number"));
        assertTrue(text.startsWith("date,kind,direction,number,debit,credit,balance\r\n"));
    }

    @Test
    public void pdfsCarryTheFiguresAndSurviveLongStatementsAndOddCharacters() throws Exception {
        Money gross = Money.of("119.00", "EUR");
        Document doc = new Document(1, "P-1001", PARTNER.name(), Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-9",
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), List.of(new DocumentLine(1,
                        "Licences 日本 € ✓", BigDecimal.ONE, d("100"), "S", d("19"), Money.of("100.00", "EUR"))),
                List.of(new TaxTotal("S", d("19"), Money.of("100.00", "EUR"), Money.of("19.00", "EUR"))),
                Money.of("100.00", "EUR"), Money.of("19.00", "EUR"), gross, gross, DocumentStatus.OPEN,
                Settlement.UNPAID, false, null, "SAP", "", Instant.EPOCH, 0);
        try (PDDocument pdf = Loader.loadPDF(renderer.documentPdf(doc, PARTNER))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Invoice INV-9"));
            assertTrue(text, text.contains("EUR 119.00"));
            assertTrue(text, text.contains("Unpaid"));
        }
        try (PDDocument pdf = Loader.loadPDF(renderer.statementPdf(statement(300), PARTNER))) {
            assertTrue(pdf.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Statement of account"));
            assertTrue(text.contains("3100.00"));
        }
    }
}
