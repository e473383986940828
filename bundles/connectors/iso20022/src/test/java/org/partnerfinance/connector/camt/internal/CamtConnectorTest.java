package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.connectors.api.ItemWork;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/** What the connector hands the core's sink; the matching itself runs in the core's unit of work (CamtIT). */
public class CamtConnectorTest {

    /** Keeps what was handed over; runs no work (the book needs the portal's services). */
    private static final class Recording implements ImportSink {
        final List<String> items = new ArrayList<>();
        final List<String> rejections = new ArrayList<>();

        @Override
        public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
            throw new AssertionError("no documents from bank statements");
        }

        @Override
        public ItemOutcome payment(String externalId, PaymentDraft draft) {
            throw new AssertionError("payments are confirmed through items");
        }

        @Override
        public ItemOutcome item(String externalId, String label, String content, ItemWork work) {
            items.add(externalId + " | " + label);
            return new ItemOutcome(label, ItemOutcome.Result.CREATED, 1L, null);
        }

        @Override
        public ItemOutcome reject(String externalId, String reason) {
            rejections.add(externalId + ": " + reason);
            return new ItemOutcome(externalId, ItemOutcome.Result.REJECTED, null, reason);
        }
    }

    private static ImportSource source(String xml) {
        return new ImportSource() {
            @Override
            public String fileName() {
                return "statement.xml";
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    public void everyBookedEntryIsAnItemAndAPendingOneIsRejectedWithTheReason() throws Exception {
        Recording sink = new Recording();
        new CamtConnector(null, 1000).read(source(CamtReaderTest.sample("camt054-v04-notification.xml")), sink);
        assertEquals(List.of("ref:DE89370400440532013000:NTF-REF-1 | statement NTF-20261104-9-1 entry 1 (ref "
                + "NTF-REF-1)"), sink.items);
        assertEquals(1, sink.rejections.size());
        assertTrue(sink.rejections.get(0), sink.rejections.get(0).contains("not booked (status PDNG)"));
    }

    @Test
    public void aBatchEntryGivesOneItemPerTransaction() throws Exception {
        Recording sink = new Recording();
        new CamtConnector(null, 1000).read(source(CamtReaderTest.sample("camt053-v08-statement.xml")), sink);
        assertEquals(3, sink.items.size());
        assertTrue(sink.items.get(1), sink.items.get(1).startsWith("ref:DE89370400440532013000:V08-BATCH-77/2 | "));
    }

    @Test
    public void aHostileFileEndsTheRunBeforeAnyItem() throws Exception {
        Recording sink = new Recording();
        String xxe = CamtReaderTest.sample("camt053-v02-statement.xml").replace("<Document ",
                "<!DOCTYPE Document [<!ENTITY x SYSTEM \"http://attacker.example/x\">]>\n<Document ");
        try {
            new CamtConnector(null, 1000).read(source(xxe), sink);
            fail("read");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("DOCTYPE"));
        }
        assertTrue(sink.items.isEmpty());
    }
}
