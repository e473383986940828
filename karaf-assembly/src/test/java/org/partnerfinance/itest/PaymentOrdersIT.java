package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Payment orders in the distribution: a scheduled payment to a partner is exported as a pain.001 file at the console
 * ({@code pf:export pain001}), refused while the company's account is not configured and then written; the payment is
 * SENT and the partner reads "Sent to bank on ..."; the bank's camt.054 booking with the same end-to-end id, imported
 * with the camt connector, confirms it and the partner's statement shows it paid.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class PaymentOrdersIT extends PfTestSupport {

    private static final String PAIN001_PID = "org.partnerfinance.connector.pain001";
    private static final Caller MANAGER = new Caller("it-treasury", null, Set.of(Role.FINANCE_MANAGER), null);

    private DocumentService documents;
    private PartnerService partners;

    @Before
    public void services() {
        waitForFeatures("pf-core", "pf-connectors", "pf-connector-camt", "pf-connector-pain001");
        documents = getService(DocumentService.class);
        partners = getService(PartnerService.class);
        waitForCommand("pf:export");
        waitForCommand("pf:import");
    }

    private static Caller userOf(String partnerId) {
        return new Caller("user-" + partnerId, null, Set.of(Role.PARTNER_USER), partnerId);
    }

    /** A camt.054.001.04 notification of one booked debit: the bank paid the transfer out. */
    private static String debitNotification(String id, LocalDate booked, String bankReference, String endToEndId,
            String amount) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-%1$s</MsgId><CreDtTm>%2$sT08:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>%1$s</Id>
                      <CreDtTm>%2$sT08:00:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                      <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>%5$s</Sum></TtlNtries></TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>%3$s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls><Refs><EndToEndId>%4$s</EndToEndId></Refs></TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(id, booked, bankReference, endToEndId, amount);
    }

    @Test
    public void aPain001ExportSendsThePaymentAndTheBanksBookingConfirmsIt() throws Exception {
        String n = Long.toString(System.nanoTime());
        String partner = String.format(java.util.Locale.ROOT, "P-%09d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        Currency eur = Currency.getInstance("EUR");
        partners.create(Caller.system(), partner, new PartnerDetails("Pain Partner " + n, PartnerKind.RESELLER, eur,
                Set.of(eur), "", "", null, 30, null, true,
                new BankAccount("FR14 2004 1010 0505 0001 3M02 606", "", "")));
        Document invoice = documents.create(MANAGER, new DocumentDraft(partner, Direction.PAYABLE,
                DocumentKind.INVOICE, "PAIN-" + n, LocalDate.now().minusDays(10), null, "EUR",
                List.of(new LineDraft("Co-marketing", BigDecimal.ONE, new BigDecimal("100"), "S",
                        new BigDecimal("19"))), null, null, "SAP", "IT"));
        String endToEnd = "CLM-" + n.substring(Math.max(0, n.length() - 12));
        Payment scheduled = documents.recordPayment(MANAGER, new PaymentDraft(partner, Direction.PAYABLE,
                new BigDecimal("119.00"), "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.now().plusDays(2),
                PaymentStatus.SCHEDULED, "Invoice PAIN-" + n, endToEnd, "portal", null,
                List.of(new AllocationRequest(invoice.id(), new BigDecimal("119.00")))));
        Path dir = Files.createTempDirectory("pain001");
        Path file = dir.resolve("order.xml");

        // the distribution ships the connector without the company's account: refused, naming the setting
        String refused = executeCommand("pf:export pain001 " + scheduled.id() + " " + file);
        assertTrue(refused, refused.contains("EXPORT REFUSED"));
        assertTrue(refused, refused.contains("debtor.name") || refused.contains("debtor.iban"));
        assertEquals(PaymentStatus.SCHEDULED, documents.findPayment(MANAGER, scheduled.id()).orElseThrow().status());
        assertTrue(Files.notExists(file));

        Configuration config = getService(ConfigurationAdmin.class).getConfiguration(PAIN001_PID, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("debtor.name", "Example Portal Company GmbH");
        properties.put("debtor.iban", "DE89370400440532013000");
        properties.put("debtor.bic", "COBADEFFXXX");
        config.update(properties);

        // the connector takes the configuration asynchronously: export once it has it
        String exported = "";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            exported = executeCommand("pf:export pain001 " + scheduled.id() + " " + file);
            if (exported.contains("EXPORT COMPLETED") || !exported.contains("debtor.")) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(exported, exported.contains("EXPORT COMPLETED"));
        assertTrue(exported, exported.contains("1 payment(s), EUR 119.00"));
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(xml, xml.contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">"));
        assertTrue(xml, xml.contains("<EndToEndId>" + endToEnd + "</EndToEndId>"));
        assertTrue(xml, xml.contains("<InstdAmt Ccy=\"EUR\">119.00</InstdAmt>"));
        assertTrue(xml, xml.contains("<IBAN>FR1420041010050500013M02606</IBAN>"));
        assertTrue(xml, xml.contains("<IBAN>DE89370400440532013000</IBAN>"));

        // SENT, with the order's id; the partner reads when it went to the bank; nothing is settled yet
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Payment sent = documents.findPayment(userOf(partner), scheduled.id()).orElseThrow();
        assertEquals(PaymentStatus.SENT, sent.status());
        assertEquals(today, sent.sentOn());
        assertEquals("Sent to bank on " + today, sent.statusText());
        ExportService exports = getService(ExportService.class);
        ExportRun run = exports.recent(MANAGER, "pain001", 5).stream()
                .filter(r -> r.paymentIds().contains(scheduled.id())).findFirst().orElseThrow();
        assertEquals(run.messageId(), sent.paymentOrder());
        assertTrue(xml, xml.contains("<MsgId>" + run.messageId() + "</MsgId>"));
        assertEquals(run.sha256(), exported.replaceAll("(?s).*sha256 ([0-9a-f]{64}).*", "$1"));
        Settlement pending = documents.find(userOf(partner), invoice.id()).orElseThrow().settlement();
        assertEquals(Settlement.State.SENT_TO_BANK, pending.state());
        assertEquals("Sent to bank on " + today, pending.label());

        // exporting it again is refused: it was sent
        String again = executeCommand("pf:export pain001 " + scheduled.id() + " " + dir.resolve("again.xml"));
        assertTrue(again, again.contains("EXPORT REFUSED") && again.contains("status SENT"));

        // the bank's debit notification names the end-to-end id: the camt connector confirms the payment
        LocalDate booked = today;
        Path notification = dir.resolve("camt054.xml");
        Files.writeString(notification, debitNotification("NTF-" + n, booked, "BANK-OUT-" + n, endToEnd, "119.00"),
                StandardCharsets.UTF_8);
        String imported = executeCommand("pf:import camt " + notification);
        assertTrue(imported, imported.contains("IMPORT COMPLETED"));
        Payment confirmed = documents.findPayment(userOf(partner), scheduled.id()).orElseThrow();
        assertEquals(PaymentStatus.CONFIRMED, confirmed.status());
        assertEquals("BANK-OUT-" + n, confirmed.bankReference());
        assertEquals(run.messageId(), confirmed.paymentOrder());
        Settlement paid = documents.find(userOf(partner), invoice.id()).orElseThrow().settlement();
        assertEquals(Settlement.State.PAID, paid.state());
        assertEquals("Paid on " + booked, paid.label());

        // the partner's statement shows the payment and the invoice settled by it
        Statement statement = getService(StatementService.class).statement(userOf(partner), partner, "EUR",
                today.minusDays(30), today);
        assertTrue(statement.toString(), statement.lines().stream()
                .anyMatch(l -> Long.valueOf(scheduled.id()).equals(l.paymentId())));
        assertEquals(0, documents.find(userOf(partner), invoice.id()).orElseThrow().open().signum());
    }
}
