package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.SplitPart;
import org.partnerfinance.connector.camt.SplitProposal;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.internal.DocumentsHarness;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Splitting a queued bank entry across documents on the real documents, ledger, partner and audit services and one
 * database: the split suggestion found by the counterparty's IBAN survives the queue's tables, the split records one
 * confirmed payment allocated to the documents (a credit may leave the rest on account), and every refusal — an amount
 * above what a document has open, parts that do not account for the entry, another partner's document, an outdated
 * version — leaves the entry, the documents, the payments and the audit trail as they were.
 */
public class CamtSplitDbTest {

    static final Caller FINANCE = new Caller("fin", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    static final Caller IMPORTER = new Caller("shell:op", null, Set.of(Role.INTEGRATOR), null);
    static final String NORDWIND_IBAN = "DE02120300000000202051";
    static final LocalDate BOOKED = LocalDate.of(2026, 11, 30);

    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    private TestPersistence db;
    private DocumentsHarness core;
    private Jpa jpa;
    private CamtBook book;
    private ReconciliationQueueImpl queue;

    protected TestPersistence database() {
        return TestPersistence.inMemory();
    }

    @Before
    public void open() {
        db = database();
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        core = new DocumentsHarness(db, ETC.getRoot().toPath(), clock);
        Currency eur = Currency.getInstance("EUR");
        // the bank account on file written as people do: in groups, lower case
        core.partners.create(Caller.system(), "P-1001", new PartnerDetails("Nordwind AG", PartnerKind.RESELLER, eur,
                Set.of(eur), "", "", null, 30, null, true, new BankAccount("de02 1203 0000 0000 2020 51", "", "")));
        core.partners.create(Caller.system(), "P-2002", "Südhafen KG", PartnerKind.DISTRIBUTOR, eur);
        jpa = db.persistenceService().open(new PersistenceUnitSpec(CamtBook.UNIT, TestPersistence.bundleOf(
                CamtBook.class), List.of(), "db/camt"));
        book = new CamtBook(jpa, db.unitOfWork(), core.audit, core.documents, core.partners, clock);
        queue = new ReconciliationQueueImpl(book);
    }

    @After
    public void close() {
        if (jpa != null) {
            jpa.close();
        }
        db.close();
    }

    private Document invoice(String partner, String number, String net, LocalDate due) {
        return core.documents.create(MANAGER, new DocumentDraft(partner, Direction.RECEIVABLE, DocumentKind.INVOICE,
                number, LocalDate.of(2026, 10, 1), due, "EUR", List.of(new LineDraft("Licences", BigDecimal.ONE,
                        new BigDecimal(net), "S", new BigDecimal("19"))), null, null, "SAP", number));
    }

    private static BankEntry credit(String ref, String amount, String iban, String remittance) {
        return entry(ref, amount, true, iban, remittance);
    }

    private static BankEntry entry(String ref, String amount, boolean credit, String iban, String remittance) {
        return new BankEntry("camt.054", "001.08", "MSG-" + ref, "NTF-" + ref, "DE89370400440532013000", 1, 0,
                new BigDecimal(amount), "EUR", credit, false, "BOOK", BOOKED, BOOKED, ref, null, "NORDWIND",
                iban, null, remittance);
    }

    /** The import's path: matched by itself or queued with suggestions. */
    private BankEntryView imported(BankEntry entry) {
        long id = db.unitOfWork().required(() -> book.settle(IMPORTER, entry, book.openItems(IMPORTER))).id();
        return queue.find(FINANCE, id).orElseThrow();
    }

    private BigDecimal open(Document d) {
        return core.documents.find(FINANCE, d.id()).orElseThrow().open().amount();
    }

    private long payments() {
        return core.documents.payments(FINANCE, new PaymentQuery(null, null, null, null, null, 0, 100)).total();
    }

    private List<AuditRecord> auditOf(BankEntryView entry) {
        return core.audit.forEntity(CamtBook.ENTITY, Long.toString(entry.id()));
    }

    @Test
    public void theAccountsPartnerWithOneInvoiceOfTheAmountIsMatchedByTheImport() {
        Document inv = invoice("P-1001", "INV-1", "100", LocalDate.of(2026, 11, 1));
        invoice("P-2002", "S-1", "100", LocalDate.of(2026, 11, 1));
        BankEntryView matched = imported(credit("B-1", "119.00", NORDWIND_IBAN, "thanks"));
        assertEquals(EntryStatus.MATCHED, matched.status());
        assertTrue(matched.resolution(), matched.resolution().contains("counterparty account " + NORDWIND_IBAN));
        assertEquals(0, BigDecimal.ZERO.compareTo(open(inv)));
    }

    @Test
    public void aSuggestedSplitPaysBothInvoicesWithOneConfirmedPayment() {
        Document a = invoice("P-1001", "INV-A", "100", LocalDate.of(2026, 11, 1));
        Document b = invoice("P-1001", "INV-B", "200", LocalDate.of(2026, 11, 10));
        invoice("P-1001", "INV-C", "50", LocalDate.of(2026, 11, 20));
        BankEntryView waiting = imported(credit("B-2", "357.00", "DE02 1203 0000 0000 2020 51", "two invoices"));
        assertEquals(EntryStatus.OPEN, waiting.status());
        Suggestion split = waiting.suggestions().get(0);
        assertEquals(SuggestionKind.SPLIT, split.kind());
        assertEquals(60, split.score());
        assertEquals("P-1001", split.partnerId());
        assertEquals(List.of(new SplitPart(a.id(), new BigDecimal("119.00")), new SplitPart(b.id(),
                new BigDecimal("238.00"))), split.parts());
        assertThrows(IllegalArgumentException.class, () -> queue.match(FINANCE, waiting.id(), waiting.version(),
                SuggestionKind.SPLIT, split.targetId()));
        assertThrows(AccessDeniedException.class, () -> queue.split(IMPORTER, waiting.id(), waiting.version(),
                split.parts(), false));

        BankEntryView done = queue.split(FINANCE, waiting.id(), waiting.version(), split.parts(), false);
        assertEquals(EntryStatus.MATCHED, done.status());
        assertEquals("fin", done.resolvedBy());
        assertEquals(waiting.version() + 1, done.version());
        assertTrue(done.resolution(), done.resolution().contains("INV-A 119.00, INV-B 238.00"));
        Payment payment = core.documents.findPayment(FINANCE, done.paymentId()).orElseThrow();
        assertEquals(PaymentStatus.CONFIRMED, payment.status());
        assertEquals("B-2", payment.bankReference());
        assertEquals(BOOKED, payment.bookingDate());
        assertEquals(0, new BigDecimal("357.00").compareTo(payment.amount().amount()));
        assertEquals(2, payment.allocations().size());
        assertTrue(payment.allocations().stream().allMatch(x -> x.effective()));
        assertEquals(0, BigDecimal.ZERO.compareTo(open(a)));
        assertEquals(0, BigDecimal.ZERO.compareTo(open(b)));
        assertTrue(auditOf(done).stream().anyMatch(r -> r.event().action().equals("camt.entry-split")
                && r.event().actor().equals("fin") && r.event().after().contains("payment=" + payment.id())));
        // once is enough
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                done.id(), done.version(), split.parts(), false));
        assertTrue(again.getMessage(), again.getMessage().contains("matched already"));
    }

    @Test
    public void theProposalIsTheAccountsPartnersOpenInvoicesOldestDueFirstFilledGreedily() {
        Document late = invoice("P-1001", "INV-L", "200", LocalDate.of(2026, 11, 20));
        Document early = invoice("P-1001", "INV-E", "100", LocalDate.of(2026, 11, 1));
        Document other = invoice("P-2002", "S-9", "100", LocalDate.of(2026, 11, 1));
        BankEntryView waiting = imported(credit("B-3", "200.00", NORDWIND_IBAN, null));
        SplitProposal proposal = queue.splitProposal(FINANCE, waiting.id(), null);
        assertEquals("P-1001", proposal.partnerId());
        assertTrue(proposal.basis(), proposal.basis().contains(NORDWIND_IBAN));
        assertEquals(List.of(early.id(), late.id()), proposal.documents().stream().map(c -> c.documentId())
                .toList());
        assertEquals(0, new BigDecimal("119.00").compareTo(proposal.documents().get(0).proposed()));
        assertEquals(0, new BigDecimal("81.00").compareTo(proposal.documents().get(1).proposed()));

        SplitProposal chosen = queue.splitProposal(FINANCE, waiting.id(), "P-2002");
        assertEquals(List.of(other.id()), chosen.documents().stream().map(c -> c.documentId()).toList());
        assertThrows(IllegalArgumentException.class, () -> queue.splitProposal(FINANCE, waiting.id(), "P-9999"));
        BankEntryView anonymous = imported(credit("B-4", "3.00", null, null));
        assertEquals(null, queue.splitProposal(FINANCE, anonymous.id(), null).partnerId());
    }

    @Test
    public void aCreditMayLeaveTheRestOnAccountWhenAsked() {
        Document a = invoice("P-1001", "INV-A", "100", LocalDate.of(2026, 11, 1));
        Document b = invoice("P-1001", "INV-B", "200", LocalDate.of(2026, 11, 10));
        BankEntryView waiting = imported(credit("B-5", "300.00", NORDWIND_IBAN, null));
        List<SplitPart> parts = List.of(new SplitPart(a.id(), new BigDecimal("119.00")),
                new SplitPart(b.id(), new BigDecimal("100")));
        IllegalArgumentException remains = assertThrows(IllegalArgumentException.class,
                () -> queue.split(FINANCE, waiting.id(), waiting.version(), parts, false));
        assertTrue(remains.getMessage(), remains.getMessage().contains("81.00 remain"));

        BankEntryView done = queue.split(FINANCE, waiting.id(), waiting.version(), parts, true);
        Payment payment = core.documents.findPayment(FINANCE, done.paymentId()).orElseThrow();
        assertEquals(0, new BigDecimal("81.00").compareTo(payment.unapplied().amount()));
        assertEquals(0, BigDecimal.ZERO.compareTo(open(a)));
        assertEquals(0, new BigDecimal("138.00").compareTo(open(b)));
        assertTrue(done.resolution(), done.resolution().contains("on account 81.00 EUR"));
    }

    @Test
    public void refusalsNameWhatDoesNotFitAndWriteNothing() {
        Document a = invoice("P-1001", "INV-A", "100", LocalDate.of(2026, 11, 1));
        Document b = invoice("P-1001", "INV-B", "200", LocalDate.of(2026, 11, 10));
        Document c = invoice("P-1001", "INV-C", "50", LocalDate.of(2026, 11, 20));
        Document foreign = invoice("P-2002", "S-1", "100", LocalDate.of(2026, 11, 1));
        BankEntryView waiting = imported(credit("B-6", "357.00", NORDWIND_IBAN, null));
        long paymentsBefore = payments();
        int auditBefore = auditOf(waiting).size();

        IllegalArgumentException above = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(a.id(), new BigDecimal("120.00")),
                        new SplitPart(b.id(), new BigDecimal("237.00"))), false));
        assertTrue(above.getMessage(), above.getMessage().contains("INV-A has only 119.00 EUR open, not 120.00"));
        IllegalArgumentException partners = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(a.id(), new BigDecimal("119.00")),
                        new SplitPart(foreign.id(), new BigDecimal("119.00"))), true));
        assertTrue(partners.getMessage(), partners.getMessage().contains("one entry pays one partner"));
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(a.id(), new BigDecimal("119.00")),
                        new SplitPart(b.id(), new BigDecimal("238.00")), new SplitPart(c.id(), BigDecimal.ONE)),
                true));
        assertTrue(over.getMessage(), over.getMessage().contains("add up to 358.00 EUR, more than the entry's 357.00"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(a.id(), BigDecimal.TEN),
                        new SplitPart(a.id(), BigDecimal.TEN)), true));
        assertTrue(twice.getMessage(), twice.getMessage().contains("named twice"));
        assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE, waiting.id(), waiting.version(),
                List.of(), true));
        IllegalArgumentException decimals = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(a.id(), new BigDecimal("1.001"))), true));
        assertTrue(decimals.getMessage(), decimals.getMessage().contains("INV-A"));
        assertThrows(ConcurrentChangeException.class, () -> queue.split(FINANCE, waiting.id(),
                waiting.version() + 1, List.of(new SplitPart(a.id(), new BigDecimal("119.00")),
                        new SplitPart(b.id(), new BigDecimal("238.00"))), false));

        assertEquals(paymentsBefore, payments());
        assertEquals(0, new BigDecimal("119.00").compareTo(open(a)));
        assertEquals(0, new BigDecimal("238.00").compareTo(open(b)));
        BankEntryView after = queue.find(FINANCE, waiting.id()).orElseThrow();
        assertEquals(EntryStatus.OPEN, after.status());
        assertEquals(waiting.version(), after.version());
        assertEquals(auditBefore, auditOf(waiting).size());
        assertEquals(0, new BigDecimal("59.50").compareTo(open(c)));
        assertTrue(core.audit.recentByAction(MANAGER, "payment.recorded", 100).stream()
                .noneMatch(r -> r.event().actor().equals("fin")));
    }

    @Test
    public void anOutgoingPaymentIsSplitInFull() {
        Document bill = core.documents.create(MANAGER, new DocumentDraft("P-1001", Direction.PAYABLE,
                DocumentKind.INVOICE, "BILL-1", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), "EUR",
                List.of(new LineDraft("Services", BigDecimal.ONE, new BigDecimal("100"), "S",
                        new BigDecimal("19"))), null, null, "SAP", "BILL-1"));
        Document receivable = invoice("P-1001", "INV-R", "100", LocalDate.of(2026, 11, 1));
        BankEntryView waiting = imported(entry("B-7", "150.00", false, NORDWIND_IBAN, null));
        IllegalArgumentException rest = assertThrows(IllegalArgumentException.class, () -> queue.split(FINANCE,
                waiting.id(), waiting.version(), List.of(new SplitPart(bill.id(), new BigDecimal("119.00"))), true));
        assertTrue(rest.getMessage(), rest.getMessage().contains("outgoing payment is split across documents in "
                + "full"));
        IllegalArgumentException direction = assertThrows(IllegalArgumentException.class, () -> queue.split(
                FINANCE, waiting.id(), waiting.version(), List.of(new SplitPart(receivable.id(),
                        new BigDecimal("119.00"))), true));
        assertTrue(direction.getMessage(), direction.getMessage().contains("INV-R is receivable"));
        assertEquals(EntryStatus.OPEN, queue.find(FINANCE, waiting.id()).orElseThrow().status());
    }

    @Test
    public void twoPeopleSplittingTheSameEntryAtOnceRecordOnePayment() throws Exception {
        Document a = invoice("P-1001", "INV-A", "100", LocalDate.of(2026, 11, 1));
        Document b = invoice("P-1001", "INV-B", "200", LocalDate.of(2026, 11, 10));
        BankEntryView waiting = imported(credit("B-8", "357.00", NORDWIND_IBAN, null));
        long paymentsBefore = payments();
        // both have checked the entry and the documents before either records its payment
        java.util.concurrent.CyclicBarrier bothChecked = new java.util.concurrent.CyclicBarrier(2);
        org.partnerfinance.documents.api.DocumentService racing = (org.partnerfinance.documents.api.DocumentService)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.partnerfinance.documents.api.DocumentService.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("recordPayment")) {
                                bothChecked.await(60, java.util.concurrent.TimeUnit.SECONDS);
                            }
                            try {
                                return method.invoke(core.documents, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        ReconciliationQueueImpl racingQueue = new ReconciliationQueueImpl(new CamtBook(jpa, db.unitOfWork(),
                core.audit, racing, core.partners, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"),
                        ZoneOffset.UTC)));
        List<SplitPart> parts = List.of(new SplitPart(a.id(), new BigDecimal("119.00")),
                new SplitPart(b.id(), new BigDecimal("238.00")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<BankEntryView>> both = List.of(
                    pool.submit(() -> racingQueue.split(FINANCE, waiting.id(), waiting.version(), parts, false)),
                    pool.submit(() -> racingQueue.split(MANAGER, waiting.id(), waiting.version(), parts, false)));
            int done = 0;
            int refused = 0;
            for (java.util.concurrent.Future<BankEntryView> f : both) {
                try {
                    assertEquals(EntryStatus.MATCHED, f.get(120, java.util.concurrent.TimeUnit.SECONDS).status());
                    done++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // the later one finds the entry or a document changed: refused, its payment rolled back
                    assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof RuntimeException);
                    refused++;
                }
            }
            assertEquals(1, done);
            assertEquals(1, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(paymentsBefore + 1, payments());
        assertEquals(0, BigDecimal.ZERO.compareTo(open(a)));
        assertEquals(0, BigDecimal.ZERO.compareTo(open(b)));
        BankEntryView after = queue.find(FINANCE, waiting.id()).orElseThrow();
        assertEquals(EntryStatus.MATCHED, after.status());
        assertEquals(PaymentStatus.CONFIRMED, core.documents.findPayment(FINANCE, after.paymentId()).orElseThrow()
                .status());
        assertEquals(1, auditOf(after).stream().filter(r -> r.event().action().equals("camt.entry-split")).count());
    }

    @Test
    public void anInvoiceAReportedPaymentPaysIsNoPartOfTheProposal() {
        Document reportedPaid = invoice("P-1001", "INV-R", "100", LocalDate.of(2026, 11, 1));
        Document open = invoice("P-1001", "INV-O", "200", LocalDate.of(2026, 11, 10));
        core.documents.recordPayment(MANAGER, new org.partnerfinance.documents.api.PaymentDraft("P-1001",
                Direction.RECEIVABLE, new BigDecimal("119.00"), "EUR",
                org.partnerfinance.documents.api.PaymentMethod.BANK_TRANSFER, LocalDate.of(2026, 11, 20),
                PaymentStatus.REPORTED, "INV-R", "E2E-R", "SAP", null, List.of(
                        new org.partnerfinance.documents.api.AllocationRequest(reportedPaid.id(),
                                new BigDecimal("119.00")))));
        BankEntryView waiting = imported(credit("B-9", "300.00", NORDWIND_IBAN, null));
        SplitProposal proposal = queue.splitProposal(FINANCE, waiting.id(), null);
        assertEquals(List.of(open.id()), proposal.documents().stream().map(c -> c.documentId()).toList());
        assertEquals(0, new BigDecimal("238.00").compareTo(proposal.documents().get(0).proposed()));
    }
}
