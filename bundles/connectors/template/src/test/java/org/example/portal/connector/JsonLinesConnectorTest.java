package org.example.portal.connector;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/**
 * The template connector's reading, with a sink that records what it is handed: the way to test a connector without
 * a running portal. (ConnectorTemplateIT then deploys the jar into a running one.)
 */
public class JsonLinesConnectorTest {

    private static final String GOOD = "{\"partner\": \"P-1001\", \"number\": \"INV-7\", \"issueDate\": \"2026-11-02\", "
            + "\"dueDate\": \"2026-12-02\", \"currency\": \"EUR\", \"lines\": [{\"description\": \"Routers\", "
            + "\"quantity\": \"2\", \"unitPrice\": \"100.00\", \"taxRate\": \"19\"}]}";

    private final JsonLinesConnector connector = new JsonLinesConnector(new Settings());
    private final Recorder sink = new Recorder();

    @Test
    public void eachLineBecomesAnInvoiceUnderThePartnerAndNumber() throws Exception {
        read(GOOD + "\n\n" + GOOD.replace("INV-7", "INV-8"));
        assertEquals(List.of("P-1001/INV-7", "P-1001/INV-8"), sink.ids);
        DocumentDraft first = sink.documents.get(0);
        assertEquals("P-1001", first.partnerId());
        assertEquals(LocalDate.of(2026, 12, 2), first.dueDate());
        assertEquals(new BigDecimal("100.00"), first.lines().get(0).unitPrice());
        assertEquals("S", first.lines().get(0).taxCategory());
        assertEquals("example-erp", first.sourceSystem());
    }

    @Test
    public void anInvoiceWithAMissingOrBadFieldIsRejectedByNameAndTheOthersGoOn() throws Exception {
        read(GOOD.replace("\"2026-12-02\"", "\"02.12.2026\"") + "\n"
                + GOOD.replace("\"unitPrice\": \"100.00\"", "\"unitPrice\": \"ten\"").replace("INV-7", "INV-9") + "\n"
                + GOOD.replace("\"partner\": \"P-1001\", ", "").replace("INV-7", "INV-10") + "\n"
                + GOOD.replace("INV-7", "INV-11"));
        assertEquals(List.of(
                "INV-7 (line 1): dueDate \"02.12.2026\" is not a date (YYYY-MM-DD)",
                "INV-9 (line 2): lines[1].unitPrice \"ten\" is not a number",
                "INV-10 (line 3): partner is missing"), sink.rejected);
        assertEquals(List.of("P-1001/INV-11"), sink.ids);
    }

    @Test
    public void aFileThatIsNotJsonLinesEndsTheRunSayingWhere() throws IOException {
        try {
            read(GOOD + "\npartner;number\n" + GOOD);
            fail("a CSV line was read as JSON");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Line 2 is not JSON"));
        }
        assertEquals("the document before the break was handed over", 1, sink.ids.size());
    }

    private void read(String content) throws ImportFormatException, IOException {
        InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        connector.read(new ImportSource() {
            @Override
            public String fileName() {
                return "invoices.jsonl";
            }

            @Override
            public InputStream stream() {
                return in;
            }
        }, sink);
    }

    private static final class Settings implements JsonLinesConfiguration {
        @Override
        public String source_system() {
            return "example-erp";
        }

        @Override
        public String default_tax_category() {
            return "S";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return JsonLinesConfiguration.class;
        }
    }

    /** Records what the connector hands over; the portal's sink would store it. */
    private static final class Recorder implements ImportSink {
        final List<String> ids = new ArrayList<>();
        final List<DocumentDraft> documents = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
            ids.add(externalId);
            documents.add(draft);
            return new ItemOutcome(externalId, ItemOutcome.Result.CREATED, (long) ids.size(), null);
        }

        @Override
        public ItemOutcome payment(String externalId, PaymentDraft draft) {
            throw new AssertionError("the template imports invoices only");
        }

        @Override
        public ItemOutcome reject(String externalId, String reason) {
            rejected.add(externalId + ": " + reason);
            return new ItemOutcome(externalId, ItemOutcome.Result.REJECTED, null, reason);
        }
    }
}
