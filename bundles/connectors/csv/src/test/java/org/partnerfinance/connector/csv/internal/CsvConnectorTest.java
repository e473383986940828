package org.partnerfinance.connector.csv.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.Preview;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;

public class CsvConnectorTest {

    private static final String HEADER = "partner,direction,kind,number,issue_date,due_date,currency,description,"
            + "quantity,unit_price,tax_category,tax_rate,gross,credited\n";

    private final CsvConnector connector = new CsvConnector(CsvLayout.defaults());

    private static ImportSource file(String text) {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportSource file(byte[] bytes) {
        return new ImportSource() {
            private final InputStream in = new ByteArrayInputStream(bytes);

            @Override
            public String fileName() {
                return "test.csv";
            }

            @Override
            public InputStream stream() {
                return in;
            }
        };
    }

    private RecordingSink read(String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        connector.read(file(text), sink);
        return sink;
    }

    @Test
    public void consecutiveRowsOfOneNumberAreOneDocumentWithItsLines() throws Exception {
        RecordingSink sink = read(HEADER
                + "P1,receivable,invoice,INV-1,2026-11-02,2026-12-02,EUR,Routers,2,100.00,S,19,,\n"
                + "P1,receivable,invoice,INV-1,2026-11-02,2026-12-02,EUR,Support,1,50.00,S,19,,\n"
                + "P1,payable,credit-note,CN-7,2026-11-03,,EUR,Rebate Q3,1,80.00,Z,0,80.00,PINV-3\n");
        assertEquals(2, sink.documents().size());
        DocumentDraft invoice = sink.documents().get(0);
        assertEquals("P1", invoice.partnerId());
        assertEquals(Direction.RECEIVABLE, invoice.direction());
        assertEquals(DocumentKind.INVOICE, invoice.kind());
        assertEquals(LocalDate.of(2026, 12, 2), invoice.dueDate());
        assertEquals(2, invoice.lines().size());
        assertEquals(new BigDecimal("100.00"), invoice.lines().get(0).unitPrice());
        assertEquals("csv", invoice.sourceSystem());
        DocumentDraft credit = sink.documents().get(1);
        assertEquals(DocumentKind.CREDIT_NOTE, credit.kind());
        assertEquals(Direction.PAYABLE, credit.direction());
        assertNull("an empty due date is left to the partner's terms", credit.dueDate());
        assertEquals(new BigDecimal("80.00"), credit.statedGross());
        assertEquals("PINV-3", credit.creditedNumber());
        assertEquals("p1|receivable|invoice|inv-1", sink.handed.get(0).externalId());
    }

    @Test
    public void aDocumentWithAnUnreadableRowIsRefusedWholeNamingEveryLineAndTheOthersPass() throws Exception {
        RecordingSink sink = read(HEADER
                + "P1,receivable,invoice,INV-1,2026-11-02,,EUR,Routers,2,100.00,S,19,,\n"
                + "P1,receivable,invoice,INV-1,02.11.2026,,EUR,Support,x,50.00,S,19,,\n"
                + "P1,receivable,invoice,INV-2,2026-11-02,,EUR,Cables,3,10.00,S,19,,\n");
        assertEquals(1, sink.documents().size());
        assertEquals("INV-2", sink.documents().get(0).number());
        assertEquals(1, sink.rejections().size());
        String reason = sink.rejections().get(0).rejection();
        assertTrue(reason, reason.contains("line 3: issue_date \"02.11.2026\" is not a date like yyyy-MM-dd"));
        assertTrue(reason, reason.contains("line 3: quantity \"x\" is not a number"));
        assertEquals("INV-1 (lines 2–3)", sink.rejections().get(0).externalId());
    }

    @Test
    public void rowsThatContradictTheFirstRowOfTheirDocumentAreNamed() throws Exception {
        RecordingSink sink = read(HEADER
                + "P1,receivable,invoice,INV-1,2026-11-02,,EUR,Routers,2,100.00,S,19,,\n"
                + "P1,receivable,invoice,INV-1,2026-11-02,,USD,Support,1,50.00,S,19,,\n");
        assertEquals(0, sink.documents().size());
        assertTrue(sink.rejections().get(0).rejection(),
                sink.rejections().get(0).rejection().contains("line 3: currency USD differs from line 2"));
    }

    @Test
    public void numbersAreReadStrictlySoACommaIsNeverADropedDecimalMark() throws Exception {
        RecordingSink sink = read(HEADER + "P1,,,INV-1,2026-11-02,,EUR,Routers,\"12,5\",100.00,,,,\n");
        assertEquals(0, sink.documents().size());
        assertTrue(sink.rejections().get(0).rejection().contains("quantity \"12,5\" is not a number like 1234.56"));

        Map<CsvLayout.Field, String> headers = new LinkedHashMap<>();
        for (CsvLayout.Field f : CsvLayout.Field.values()) {
            headers.put(f, f.name().toLowerCase(Locale.ROOT));
        }
        CsvConnector european = new CsvConnector(new CsvLayout(';', true, "dd.MM.yyyy", "erp", Direction.PAYABLE,
                headers));
        RecordingSink eu = new RecordingSink();
        european.read(file(HEADER.replace(',', ';') + "P1;;;R-9;02.11.2026;;EUR;Miete;1;1234,56;S;19;;\n"), eu);
        DocumentDraft draft = eu.documents().get(0);
        assertEquals(new BigDecimal("1234.56"), draft.lines().get(0).unitPrice());
        assertEquals(Direction.PAYABLE, draft.direction());
        assertEquals(LocalDate.of(2026, 11, 2), draft.issueDate());
        assertEquals("erp", draft.sourceSystem());
    }

    @Test
    public void defaultsTaxCategoryFromTheRateAndSkipsAByteOrderMark() throws Exception {
        byte[] body = (HEADER + "P1,,,INV-1,2026-11-02,,EUR,Taxed,1,10,,19,,\nP1,,,INV-1,2026-11-02,,EUR,Free,1,5,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        RecordingSink sink = new RecordingSink();
        connector.read(file(withBom), sink);
        DocumentDraft draft = sink.documents().get(0);
        assertEquals("S", draft.lines().get(0).taxCategory());
        assertEquals("Z", draft.lines().get(1).taxCategory());
        assertEquals(Direction.RECEIVABLE, draft.direction());
    }

    @Test
    public void refusesAFileWithoutARequiredColumnNamingWhatIsThere() {
        ImportFormatException e = assertThrows(ImportFormatException.class,
                () -> read("partner,number,currency\nP1,INV-1,EUR\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("no column issue_date, description, quantity, unit_price"));
        assertTrue(e.getMessage(), e.getMessage().contains("its columns: partner, number, currency"));
    }

    @Test
    public void refusesAnEmptyFileAndTextThatIsNotUtf8() {
        assertTrue(assertThrows(ImportFormatException.class, () -> read("")).getMessage().contains("empty"));
        byte[] latin1 = (HEADER + "P1,,,INV-1,2026-11-02,,EUR,Caf\u00e9,1,5,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(ImportFormatException.class, () -> connector.read(file(latin1), new RecordingSink()))
                .getMessage().contains("not UTF-8"));
    }

    @Test
    public void aBrokenFileEndsTheRunKeepingTheDocumentsCompleteBeforeTheBreak() throws Exception {
        RecordingSink sink = new RecordingSink();
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> connector.read(file(HEADER
                + "P1,,,INV-1,2026-11-02,,EUR,Routers,1,10,,,,\n"
                + "P1,,,INV-2,2026-11-02,,EUR,Cables,1,10,,,,\n"
                + "P1,,,INV-3,2026-11-02,,EUR,\"Unclosed quote,1,10,,,,\n"), sink));
        assertTrue(e.getMessage(), e.getMessage().contains("not valid CSV"));
        // INV-2 was the document in progress at the break: its last rows may be missing, so it is not handed over
        assertEquals(java.util.List.of("INV-1"), sink.documents().stream().map(DocumentDraft::number).toList());
    }

    @Test
    public void previewShowsTheFirstRowsAndTheirProblemsWithoutHandingAnythingOver() throws Exception {
        Preview preview = connector.preview(file(HEADER
                + "P1,,,INV-1,2026-11-02,,EUR,Routers,1,10,,,,\n"
                + "P1,,,INV-2,2026-13-02,,EUR,Cables,1,10,,,,\n"
                + "P1,,,INV-3,2026-11-02,,EUR,Racks,1,10,,,,\n"), 2).orElseThrow();
        assertEquals(14, preview.columns().size());
        assertEquals(2, preview.rows().size());
        assertEquals("INV-2", preview.rows().get(1).get(3));
        assertEquals(1, preview.problems().size());
        assertTrue(preview.problems().get(0), preview.problems().get(0).startsWith("line 3: issue_date"));
    }

    @Test
    public void streamsAFileOfAHundredThousandDocumentsDocumentByDocument() throws IOException, Exception {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            text.append("P1,,,INV-").append(i).append(",2026-11-02,,EUR,Item,1,10,,,,\n");
        }
        CountingSink sink = new CountingSink();
        connector.read(file(text.toString()), sink);
        assertEquals(100_000, sink.count);
    }

    /** Counts documents without keeping them. */
    private static final class CountingSink implements org.partnerfinance.connectors.api.ImportSink {
        long count;

        @Override
        public org.partnerfinance.connectors.api.ItemOutcome document(String externalId, DocumentDraft draft,
                Original original) {
            count++;
            return null;
        }

        @Override
        public org.partnerfinance.connectors.api.ItemOutcome payment(String externalId,
                org.partnerfinance.documents.api.PaymentDraft draft) {
            throw new AssertionError();
        }

        @Override
        public org.partnerfinance.connectors.api.ItemOutcome reject(String externalId, String reason) {
            throw new AssertionError(externalId + ": " + reason);
        }
    }
}
