package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.RunStatus;
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
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The ISO 20022 camt connector in the distribution: a camt.053 statement imported at the console ({@code pf:import
 * camt}) confirms the reported payment its entry's end-to-end id names (the partner sees "Paid" with the bank's
 * booking date), queues the entry nothing matches unambiguously, finance matches that one from the reconciliation
 * queue (the partner's invoice is paid), and importing the statement again changes nothing; a statement whose totals
 * do not add up is a failed run that writes nothing; a camt.054 credit from a partner's bank account (IBAN) paying two
 * of its invoices with one amount is suggested as a split, and finance's one-click split settles both (the partner's
 * statement shows the payment).
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class CamtIT extends PfTestSupport {

    private static final Caller FINANCE = new Caller("it-finance", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("it-bank-files", null, Set.of(Role.FINANCE_MANAGER), null);

    private DocumentService documents;
    private ReconciliationQueue queue;
    private PartnerService partners;

    @Before
    public void services() {
        waitForFeatures("pf-core", "pf-connectors", "pf-connector-camt");
        documents = getService(DocumentService.class);
        queue = getService(ReconciliationQueue.class);
        partners = getService(PartnerService.class);
        waitForCommand("pf:import");
    }

    private String newPartner(String name) {
        String id = String.format(java.util.Locale.ROOT, "P-%09d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        partners.create(Caller.system(), id, name, PartnerKind.RESELLER, Currency.getInstance("EUR"));
        return id;
    }

    private static Caller userOf(String partnerId) {
        return new Caller("user-" + partnerId, null, Set.of(Role.PARTNER_USER), partnerId);
    }

    private Document invoice(String partnerId, String number, String net) {
        return documents.create(FINANCE, new DocumentDraft(partnerId, Direction.RECEIVABLE, DocumentKind.INVOICE,
                number, LocalDate.now().minusDays(30), null, "EUR", List.of(new LineDraft("Licences", BigDecimal.ONE,
                        new BigDecimal(net), "S", new BigDecimal("19"))), null, null, "SAP", "IT"));
    }

    /** A camt.053.001.08 statement of two credits, with totals and balances that add up. */
    private static String statement(String id, LocalDate booked, String ref1, String e2e, String amount1,
            String ref2, String amount2, String remittance2) {
        BigDecimal sum = new BigDecimal(amount1).add(new BigDecimal(amount2));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%9$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt></Bal>
                      <TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries><Sum>%8$s</Sum></TtlNtries></TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>%3$s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls><Refs><EndToEndId>%4$s</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>Camt Nordwind</Nm></Pty></Dbtr></RltdPties>
                        </TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="EUR">%7$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><AcctSvcrRef>%6$s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>Someone Unknown Ltd</Nm></Pty></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%10$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(id, booked, ref1, e2e, amount1, ref2, amount2, sum.toPlainString(),
                new BigDecimal("1000.00").add(sum).toPlainString(), remittance2);
    }

    @Test
    public void aStatementConfirmsAReportedPaymentQueuesTheRestAndAReimportChangesNothing() throws Exception {
        String n = Long.toString(System.nanoTime());
        String partner = newPartner("Camt Nordwind " + n);
        Document paidByTransfer = invoice(partner, "CAMT-A-" + n, "100");
        // an amount no other test's open invoice has: the queue's suggestions are the best five of all open items
        Document unmatched = invoice(partner, "CAMT-B-" + n, "201.37");
        Payment reported = documents.recordPayment(FINANCE, new PaymentDraft(partner, Direction.RECEIVABLE,
                new BigDecimal("119.00"), "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.now().minusDays(3),
                PaymentStatus.REPORTED, "CAMT-A-" + n, "E2E-" + n, "SAP", null,
                List.of(new AllocationRequest(paidByTransfer.id(), new BigDecimal("119.00")))));
        assertEquals(Settlement.State.REPORTED_PAID, documents.find(userOf(partner), paidByTransfer.id())
                .orElseThrow().settlement().state());

        LocalDate booked = LocalDate.now().minusDays(1);
        String ref1 = "BANK-" + n + "-1";
        String ref2 = "BANK-" + n + "-2";
        Path file = Files.createTempFile("statement", ".xml");
        Files.writeString(file, statement("STMT-" + n, booked, ref1, "E2E-" + n, "119.00", ref2,
                unmatched.gross().amount().toPlainString(), "thanks for the good work"), StandardCharsets.UTF_8);

        String first = executeCommand("pf:import camt " + file);
        assertTrue(first, first.contains("Documents 2: created 2, duplicates 0, rejected 0"));
        assertTrue(first, first.contains("IMPORT COMPLETED"));

        // the reported payment is bank-confirmed: the partner sees it paid on the bank's booking date
        Payment confirmed = documents.findPayment(FINANCE, reported.id()).orElseThrow();
        assertEquals(PaymentStatus.CONFIRMED, confirmed.status());
        assertEquals(ref1, confirmed.bankReference());
        assertEquals(booked, confirmed.bookingDate());
        Settlement settlement = documents.find(userOf(partner), paidByTransfer.id()).orElseThrow().settlement();
        assertEquals(Settlement.State.PAID, settlement.state());
        assertEquals(booked, settlement.date());
        assertEquals("Paid on " + booked, settlement.label());

        // the entry nothing names waits for finance, with the invoice of its amount among the suggestions
        BankEntryView waiting = queue.open(FINANCE, 500).stream()
                .filter(e -> e.bankReference().equals(ref2)).findFirst().orElseThrow();
        assertEquals(EntryStatus.OPEN, waiting.status());
        assertEquals(booked, waiting.bookingDate());
        assertEquals("thanks for the good work", waiting.remittance());
        assertTrue(waiting.suggestions().toString(), waiting.suggestions().stream()
                .anyMatch(s -> s.kind() == SuggestionKind.DOCUMENT && s.targetId() == unmatched.id()));
        assertEquals(Settlement.State.UNPAID, documents.find(userOf(partner), unmatched.id()).orElseThrow()
                .settlement().state());
        try {
            queue.match(userOf(partner), waiting.id(), waiting.version(), SuggestionKind.DOCUMENT, unmatched.id());
            throw new AssertionError("a partner matched a bank entry");
        } catch (AccessDeniedException expected) {
            // finance's work only
        }

        // finance matches it: the payment is recorded, allocated and confirmed; the partner sees it paid
        BankEntryView matched = queue.match(FINANCE, waiting.id(), waiting.version(), SuggestionKind.DOCUMENT,
                unmatched.id());
        assertEquals(EntryStatus.MATCHED, matched.status());
        assertEquals("it-finance", matched.resolvedBy());
        Payment fromQueue = documents.findPayment(FINANCE, matched.paymentId()).orElseThrow();
        assertEquals(PaymentStatus.CONFIRMED, fromQueue.status());
        assertEquals(ref2, fromQueue.bankReference());
        assertEquals(booked, fromQueue.bookingDate());
        assertEquals(Settlement.State.PAID, documents.find(userOf(partner), unmatched.id()).orElseThrow()
                .settlement().state());
        assertTrue(queue.open(FINANCE, 500).stream().noneMatch(e -> e.id() == waiting.id()));
        AuditTrail audit = getService(AuditTrail.class);
        assertTrue(audit.forEntity("bank-entry", Long.toString(waiting.id())).stream()
                .anyMatch(r -> r.event().action().equals("camt.entry-matched")
                        && r.event().actor().equals("it-finance")));

        // the same statement again: duplicates, no new payment, nothing queued
        long paymentsBefore = documents.payments(FINANCE, new PaymentQuery(partner, null, null, null, null, 0, 100))
                .total();
        int openBefore = queue.open(FINANCE, 500).size();
        String second = executeCommand("pf:import camt " + file);
        assertTrue(second, second.contains("Documents 2: created 0, duplicates 2, rejected 0"));
        assertEquals(paymentsBefore, documents.payments(FINANCE, new PaymentQuery(partner, null, null, null, null, 0,
                100)).total());
        assertEquals(openBefore, queue.open(FINANCE, 500).size());
        Files.delete(file);
    }

    @Test
    public void aStatementWhoseTotalsDoNotAddUpWritesNothingAndADismissalNeedsAReason() throws Exception {
        String n = Long.toString(System.nanoTime());
        String partner = newPartner("Camt Totals " + n);
        invoice(partner, "CAMT-T-" + n, "50");
        String ref1 = "BANK-" + n + "-T1";
        String xml = statement("STMT-T-" + n, LocalDate.now().minusDays(1), ref1, "E2E-T-" + n, "59.50",
                "BANK-" + n + "-T2", "7.00", "bank charges " + n);
        ImportService imports = getService(ImportService.class);
        ImportRun wrong = imports.run(MANAGER, "camt", "wrong-totals.xml", new java.io.ByteArrayInputStream(
                xml.replace("<NbOfNtries>2</NbOfNtries>", "<NbOfNtries>3</NbOfNtries>")
                        .getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(RunStatus.FAILED, wrong.status());
        assertTrue(wrong.failure(), wrong.failure().contains("totals do not add up"));
        assertEquals(0, wrong.documents());
        assertTrue(queue.recent(FINANCE, 500).stream().noneMatch(e -> e.bankReference().startsWith("BANK-" + n)));

        ImportRun run = imports.run(MANAGER, "camt", "statement.xml", new java.io.ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(run.failure(), RunStatus.COMPLETED, run.status());
        assertEquals(2, run.created());
        // an unknown end-to-end id and an amount nothing is open for: both wait
        List<BankEntryView> mine = queue.open(FINANCE, 500).stream()
                .filter(e -> e.bankReference().startsWith("BANK-" + n)).toList();
        assertEquals(2, mine.size());
        BankEntryView charges = mine.stream().filter(e -> e.bankReference().equals("BANK-" + n + "-T2"))
                .findFirst().orElseThrow();
        try {
            queue.dismiss(FINANCE, charges.id(), charges.version(), "  ");
            throw new AssertionError("dismissed without a reason");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("reason"));
        }
        BankEntryView dismissed = queue.dismiss(FINANCE, charges.id(), charges.version(), "bank charges");
        assertEquals(EntryStatus.DISMISSED, dismissed.status());
        assertEquals("bank charges", dismissed.resolution());
        assertFalse(queue.open(FINANCE, 500).stream().anyMatch(e -> e.id() == charges.id()));
        try {
            queue.dismiss(FINANCE, charges.id(), dismissed.version(), "again");
            throw new AssertionError("dismissed twice");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("dismissed already"));
        }
    }

    /** A valid German IBAN (ISO 13616 check digits computed) no other test uses: the account names one partner. */
    private static String uniqueIban() {
        String bban = String.format(java.util.Locale.ROOT, "%018d",
                Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000_000_000L));
        // country code and "00" moved to the end, letters as numbers (D = 13, E = 14)
        int check = 98 - new java.math.BigInteger(bban + "131400").mod(java.math.BigInteger.valueOf(97)).intValue();
        return String.format(java.util.Locale.ROOT, "DE%02d%s", check, bban);
    }

    /** A camt.054.001.08 notification of one credit from an account, with its totals. */
    private static String notification(String id, LocalDate booked, String ref, String amount, String iban,
            String remittance) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>%2$sT09:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>%1$s</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>%4$s</Sum></TtlNtries></TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>%3$s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>Some Treasury Services</Nm></Pty></Dbtr>
                            <DbtrAcct><Id><IBAN>%5$s</IBAN></Id></DbtrAcct></RltdPties>
                          <RmtInf><Ustrd>%6$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(id, booked, ref, amount, iban, remittance);
    }

    @Test
    public void oneCreditFromAPartnersAccountPayingTwoInvoicesIsSuggestedAsASplitAndSettlesBoth() throws Exception {
        String n = Long.toString(System.nanoTime());
        String iban = uniqueIban();
        assertTrue(iban, BankAccount.isValidIban(iban));
        String partner = String.format(java.util.Locale.ROOT, "P-%09d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        Currency eur = Currency.getInstance("EUR");
        partners.create(Caller.system(), partner, new PartnerDetails("Camt Split " + n, PartnerKind.RESELLER, eur,
                Set.of(eur), "", "", null, 30, null, true, new BankAccount(iban, "", "")));
        // amounts no other test's open invoices have, so that nothing else adds up to the entry
        Document first = invoice(partner, "CAMT-S1-" + n, "123.41");
        Document second = invoice(partner, "CAMT-S2-" + n, "234.53");
        BigDecimal total = first.gross().amount().add(second.gross().amount());

        LocalDate booked = LocalDate.now().minusDays(1);
        String ref = "BANK-" + n + "-S";
        Path file = Files.createTempFile("notification", ".xml");
        // the bank writes the account in groups of four, in lower case
        String written = iban.toLowerCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1 ").strip();
        Files.writeString(file, notification("NTF-" + n, booked, ref, total.toPlainString(), written,
                "open items november"), StandardCharsets.UTF_8);
        String imported = executeCommand("pf:import camt " + file);
        assertTrue(imported, imported.contains("IMPORT COMPLETED"));

        // no single document is the amount: the entry waits with the split of both invoices as best suggestion
        BankEntryView waiting = queue.open(FINANCE, 500).stream().filter(e -> e.bankReference().equals(ref))
                .findFirst().orElseThrow();
        Suggestion split = waiting.suggestions().get(0);
        assertEquals(waiting.suggestions().toString(), SuggestionKind.SPLIT, split.kind());
        assertEquals(partner, split.partnerId());
        assertEquals(List.of(first.id(), second.id()), split.parts().stream().map(p -> p.documentId()).toList());
        assertTrue(split.reason(), split.reason().contains(iban));

        BankEntryView done = queue.split(FINANCE, waiting.id(), waiting.version(), split.parts(), false);
        assertEquals(EntryStatus.MATCHED, done.status());
        Payment payment = documents.findPayment(FINANCE, done.paymentId()).orElseThrow();
        assertEquals(PaymentStatus.CONFIRMED, payment.status());
        assertEquals(ref, payment.bankReference());
        assertEquals(booked, payment.bookingDate());
        for (Document d : List.of(first, second)) {
            Document now = documents.find(userOf(partner), d.id()).orElseThrow();
            assertEquals(0, now.open().amount().signum());
            assertEquals("Paid on " + booked, now.settlement().label());
        }
        Statement statement = getService(StatementService.class).statement(userOf(partner), partner, "EUR",
                LocalDate.now().minusDays(60), LocalDate.now());
        assertTrue(statement.toString(), statement.lines().stream()
                .anyMatch(l -> Long.valueOf(payment.id()).equals(l.paymentId()) && booked.equals(l.date())
                        && l.credit().compareTo(total) == 0));
        assertEquals(0, statement.closing().signum());
        AuditTrail audit = getService(AuditTrail.class);
        assertTrue(audit.forEntity("bank-entry", Long.toString(waiting.id())).stream()
                .anyMatch(r -> r.event().action().equals("camt.entry-split")
                        && r.event().actor().equals("it-finance")));
        Files.delete(file);
    }
}
