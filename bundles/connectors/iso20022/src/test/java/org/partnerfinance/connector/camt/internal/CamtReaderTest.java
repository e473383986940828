package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;

public class CamtReaderTest {

    static String sample(String name) throws IOException {
        try (InputStream in = CamtReaderTest.class.getResourceAsStream("/camt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<BankEntry> read(String xml) throws ImportFormatException {
        List<BankEntry> out = new ArrayList<>();
        new CamtReader(1000).read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                (id, entries) -> out.addAll(entries));
        return out;
    }

    static String refused(String xml) {
        try {
            read(xml);
        } catch (ImportFormatException e) {
            return e.getMessage();
        }
        fail("the file was read");
        return null;
    }

    @Test
    public void readsAVersion02StatementWithEveryReference() throws Exception {
        List<BankEntry> entries = read(sample("camt053-v02-statement.xml"));
        assertEquals(3, entries.size());
        BankEntry first = entries.get(0);
        assertEquals("camt.053", first.messageType());
        assertEquals("001.02", first.version());
        assertEquals("STMT-20261102-0001", first.messageId());
        assertEquals("20261102-DE89370400440532013000", first.statementId());
        assertEquals("DE89370400440532013000", first.account());
        assertEquals(0, new BigDecimal("952.00").compareTo(first.amount()));
        assertEquals("EUR", first.currency());
        assertTrue(first.credit());
        assertEquals("BOOK", first.status());
        assertEquals(LocalDate.of(2026, 11, 2), first.bookingDate());
        assertEquals("2026110200001", first.accountServicerRef());
        assertEquals("2026110200001", first.bankReference());
        assertEquals("E2E-PARTNER-4711", first.endToEndId());
        assertEquals("Nordwind Distribution AG", first.counterpartyName());
        assertEquals("DE02120300000000202051", first.counterpartyIban());
        assertEquals("Invoice INV-2026-0815 thank you", first.remittance());
        assertEquals("ref:DE89370400440532013000:2026110200001", first.externalId());

        BankEntry second = entries.get(1);
        assertNull("NOTPROVIDED is no end-to-end id", second.endToEndId());
        assertEquals("RF18 5390 0754 7034", second.creditorReference());
        assertEquals("Südhafen Reseller KG", second.counterpartyName());

        BankEntry debit = entries.get(2);
        assertFalse(debit.credit());
        assertEquals("Alpenblick Services GmbH", debit.counterpartyName());
        assertEquals("AT611904300234573201", debit.counterpartyIban());
        assertEquals("Your invoice AB-2026/113 customer 4471", debit.remittance());
    }

    @Test
    public void readsAVersion08StatementAndSplitsABatchEntryIntoItsTransactions() throws Exception {
        List<BankEntry> entries = read(sample("camt053-v08-statement.xml"));
        assertEquals(3, entries.size());
        BankEntry a = entries.get(0);
        assertEquals("001.08", a.version());
        assertEquals(1, a.entryIndex());
        assertEquals(1, a.transactionIndex());
        assertEquals(0, new BigDecimal("1000").compareTo(a.amount()));
        assertEquals("BOOK", a.status());
        assertEquals(LocalDate.of(2026, 11, 3), a.bookingDate());
        assertEquals("E2E-V08-A", a.endToEndId());
        assertEquals("Nordwind Distribution AG", a.counterpartyName());
        assertEquals("V08-BATCH-77-1", a.accountServicerRef());
        BankEntry b = entries.get(1);
        assertEquals(2, b.transactionIndex());
        assertEquals(0, new BigDecimal("505").compareTo(b.amount()));
        assertEquals("RF712348231", b.creditorReference());
        assertEquals("V08-BATCH-77", b.accountServicerRef());
        assertEquals("ref:DE89370400440532013000:V08-BATCH-77/2", b.externalId());
        assertTrue("a transaction's bank reference is unique", b.bankReference().startsWith("camt-"));
        BankEntry fee = entries.get(2);
        assertFalse(fee.credit());
        assertEquals("Account maintenance fee", fee.remittance());
    }

    @Test
    public void readsACamt054NotificationWithItsPendingEntry() throws Exception {
        List<BankEntry> entries = read(sample("camt054-v04-notification.xml"));
        assertEquals(2, entries.size());
        assertEquals("camt.054", entries.get(0).messageType());
        assertEquals("001.04", entries.get(0).version());
        assertEquals("NTF-20261104-9-1", entries.get(0).statementId());
        assertEquals("PDNG", entries.get(1).status());
        assertTrue(entries.get(1).externalId().startsWith("stmt:NTF-20261104-9-1:2.0:"));
    }

    @Test
    public void theSameEntryInANotificationAndAStatementIsTheSameItem() throws Exception {
        String v02 = sample("camt053-v02-statement.xml");
        BankEntry inStatement = read(v02).get(0);
        BankEntry again = read(v02.replace("<Id>20261102-DE89370400440532013000</Id>",
                "<Id>ANOTHER-STATEMENT</Id>")).get(0);
        assertEquals(inStatement.externalId(), again.externalId());
        assertEquals(inStatement.content(), again.content());
    }

    @Test
    public void everyVersionFrom02To08IsReadAndOthersAreRefused() throws Exception {
        String v08 = sample("camt053-v08-statement.xml");
        for (int v = 2; v <= 8; v++) {
            String ns = "camt.053.001.0" + v;
            assertEquals(ns, "001.0" + v, read(v08.replace("camt.053.001.08", ns)).get(0).version());
        }
        String message = refused(v08.replace("camt.053.001.08", "camt.053.001.10"));
        assertTrue(message, message.contains("001.02 to 001.08"));
        message = refused("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>");
        assertTrue(message, message.contains("Not an ISO 20022 camt.053 or camt.054 message"));
        message = refused("<Invoice/>");
        assertTrue(message, message.contains("root element is Invoice without a namespace"));
    }

    @Test
    public void anExternalEntityIsRefusedBeforeAnythingIsRead() throws Exception {
        String xxe = sample("camt053-v02-statement.xml").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY secret SYSTEM "
                        + "\"file:///etc/passwd\">]>")
                .replace("thank you", "&secret;");
        String message = refused(xxe);
        assertTrue(message, message.contains("DOCTYPE"));
        assertFalse(message, message.contains("root:"));
    }

    @Test
    public void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                + "<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            }
            laughs.append("\">\n");
        }
        laughs.append("]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                + "<GrpHdr><MsgId>&lol9;</MsgId></GrpHdr></BkToCstmrStmt></Document>");
        String message = refused(laughs.toString());
        assertTrue(message, message.contains("DOCTYPE"));
    }

    @Test
    public void anUndeclaredEntityIsRefused() throws Exception {
        String message = refused(sample("camt053-v02-statement.xml").replace("thank you", "&oops;"));
        assertTrue(message, message.contains("not well-formed") || message.contains("entity"));
    }

    @Test
    public void aTruncatedFileIsRefusedWithThePositionAndNothingOfItsStatementIsHandedOver() throws Exception {
        String whole = sample("camt053-v02-statement.xml");
        String cut = whole.substring(0, whole.indexOf("<AcctSvcrRef>2026110200003"));
        List<BankEntry> handed = new ArrayList<>();
        try {
            new CamtReader(1000).read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)),
                    (id, entries) -> handed.addAll(entries));
            fail("read");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("ends early") && e.getMessage().contains("line"));
        }
        assertEquals(0, handed.size());
    }

    @Test
    public void totalsThatDoNotAddUpRefuseTheStatement() throws Exception {
        String v02 = sample("camt053-v02-statement.xml");
        String message = refused(v02.replace("<NbOfNtries>3</NbOfNtries>", "<NbOfNtries>4</NbOfNtries>"));
        assertTrue(message, message.contains("number of entries (TtlNtries/NbOfNtries) declared 4, entries give 3"));
        message = refused(v02.replace("<Sum>1381.50</Sum>", "<Sum>1381.51</Sum>"));
        assertTrue(message, message.contains("sum of entries (TtlNtries/Sum) declared 1381.51, entries give 1381.50"));
        message = refused(v02.replace("<Sum>1150.00</Sum>", "<Sum>1150.10</Sum>"));
        assertTrue(message, message.contains("TtlCdtNtries/Sum"));
        message = refused(v02.replace("<TtlNetNtryAmt>918.50</TtlNetNtryAmt>",
                "<TtlNetNtryAmt>918.00</TtlNetNtryAmt>"));
        assertTrue(message, message.contains("net total"));
        message = refused(v02.replace("10918.50", "10918.00"));
        assertTrue(message, message.contains("closing balance is 10918.00"));
        message = refused(sample("camt053-v08-statement.xml").replace("<Amt Ccy=\"EUR\">5.00</Amt>",
                "<Amt Ccy=\"EUR\">6.00</Amt>"));
        assertTrue(message, message.startsWith("Statement STMT-V08-20261103: the totals do not add up"));
    }

    @Test
    public void badValuesAreRefusedWithThePosition() throws Exception {
        String v02 = sample("camt053-v02-statement.xml");
        String message = refused(v02.replace("952.00</Amt>", "95x.00</Amt>"));
        assertTrue(message, message.contains("\"95x.00\" is not an ISO 20022 amount at line"));
        message = refused(v02.replaceFirst("<CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>", "<CdtDbtInd>PLUS"
                + "</CdtDbtInd>\n        <Sts>"));
        assertTrue(message, message.contains("neither CRDT nor DBIT"));
        message = refused(v02.replace("<BookgDt><Dt>2026-11-02</Dt></BookgDt>\n        <ValDt><Dt>2026-11-02</Dt>"
                + "</ValDt>\n        <AcctSvcrRef>2026110200001", "<BookgDt><Dt>2026-13-02</Dt></BookgDt>\n"
                + "        <AcctSvcrRef>2026110200001"));
        assertTrue(message, message.contains("booking date \"2026-13-02\" is not a date"));
    }

    @Test
    public void aStatementWithMoreEntriesThanTheLimitIsRefused() throws Exception {
        try {
            new CamtReader(2).read(new ByteArrayInputStream(sample("camt053-v02-statement.xml")
                    .getBytes(StandardCharsets.UTF_8)), (id, entries) -> fail("handed over"));
            fail("read");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("more than 2 entries"));
        }
    }
}
