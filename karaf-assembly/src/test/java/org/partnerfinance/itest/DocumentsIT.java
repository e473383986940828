package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The documents core in the distribution: its accounts contributed to the ledger, an invoice and a payment round trip
 * through the real database with their postings, a duplicate refused, and the isolation matrix: every partner-scoped
 * method of the document, statement and dispute services called as partner A with partner B's ids answers "not
 * there" or refuses, and never returns anything of B.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class DocumentsIT extends PfTestSupport {

    private static final Caller FINANCE = new Caller("it-finance", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("it-manager", null, Set.of(Role.FINANCE_MANAGER), null);

    private DocumentService documents;
    private StatementService statements;
    private DisputeService disputes;
    private LedgerService ledger;
    private PartnerService partners;

    @Before
    public void services() {
        documents = getService(DocumentService.class);
        statements = getService(StatementService.class);
        disputes = getService(DisputeService.class);
        ledger = getService(LedgerService.class);
        partners = getService(PartnerService.class);
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

    private Document invoice(String partnerId, String number, LocalDate issued, String net) {
        return documents.create(FINANCE, new DocumentDraft(partnerId, Direction.RECEIVABLE, DocumentKind.INVOICE,
                number, issued, null, "EUR", List.of(new LineDraft("Licences", BigDecimal.ONE, new BigDecimal(net),
                        "S", new BigDecimal("19"))), null, null, "SAP", "IT"));
    }

    @Test
    public void invoiceAndPaymentRoundTripThroughTheDistribution() {
        assertTrue("the documents core contributes its accounts",
                ledger.accounts().stream().map(a -> a.code()).toList().containsAll(List.of("1400", "2200", "5100")));
        String partner = newPartner("Round Trip Ltd");
        LocalDate issued = LocalDate.now().minusDays(40);
        Document created = invoice(partner, "RT-1", issued, "100");
        assertEquals(new BigDecimal("119.00"), created.gross().amount());
        assertEquals(created, documents.find(userOf(partner), created.id()).orElseThrow());
        assertEquals(1, ledger.entriesForSource(FINANCE, "document:" + created.id()).size());

        Payment reported = documents.recordPayment(FINANCE, new PaymentDraft(partner, Direction.RECEIVABLE,
                new BigDecimal("119"), "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.now().minusDays(2),
                PaymentStatus.REPORTED, "RT-1", null, "SAP", null, List.of()));
        assertEquals(Settlement.State.REPORTED_PAID, documents.find(userOf(partner), created.id()).orElseThrow()
                .settlement().state());
        documents.confirmPayment(FINANCE, reported.id(), reported.version(), new BankConfirmation("IT-BANK-1",
                LocalDate.now().minusDays(1)));
        assertEquals(Settlement.State.PAID, documents.find(userOf(partner), created.id()).orElseThrow().settlement()
                .state());
        Statement s = statements.statement(userOf(partner), partner, "EUR", issued.minusDays(1), LocalDate.now());
        assertEquals(2, s.lines().size());
        assertEquals(0, s.closing().signum());
        assertEquals(s.closing(), s.aging().total());
        assertTrue(statements.reconcile(FINANCE, LocalDate.now()).differences().stream()
                .noneMatch(d -> d.partnerId().equals(partner)));
        assertFalse(documents.history(userOf(partner), created.id()).isEmpty());
        assertEquals(0, ledger.balancesForPartner(FINANCE, partner).stream()
                .filter(b -> b.account().code().equals(Accounts.PARTNER_RECEIVABLES))
                .filter(b -> b.amount().signum() != 0).count());
    }

    @Test
    public void duplicateNumbersAreRefusedNamingTheExistingDocument() {
        String partner = newPartner("Duplicates Ltd");
        Document first = invoice(partner, "dup-7", LocalDate.now(), "10");
        DuplicateDocumentException e = assertThrows(DuplicateDocumentException.class,
                () -> invoice(partner, " DUP-7 ", LocalDate.now(), "99"));
        assertEquals(first.id(), e.existingId());
        assertEquals(1, documents.search(FINANCE, new DocumentQuery(partner, null, null, null, null, null, null, null,
                null, false, 0, 10)).total());
    }

    @Test
    public void partnerUsersNeverReachAnotherPartnersItems() {
        String a = newPartner("Partner A");
        String b = newPartner("Partner B");
        Caller userA = userOf(a);
        Caller userB = userOf(b);
        Document mine = invoice(a, "A-1", LocalDate.now().minusDays(60), "10");
        Document theirs = invoice(b, "B-1", LocalDate.now().minusDays(60), "50");
        Payment theirPayment = documents.recordPayment(FINANCE, new PaymentDraft(b, Direction.RECEIVABLE,
                new BigDecimal("20"), "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.now().minusDays(1),
                PaymentStatus.REPORTED, "B-1", "E2E-" + b, "SAP", null, List.of()));
        Dispute theirDispute = disputes.open(userB, new DisputeDraft(theirs.id(), DisputeSubject.INVOICE, null,
                new BigDecimal("5"), "Wrong price", null));
        statements.recordReminder(FINANCE, theirs.id(), DunningLevel.REMINDER, "Called B");

        // DocumentService
        assertRefused(() -> documents.create(userA, new DocumentDraft(b, Direction.RECEIVABLE, DocumentKind.INVOICE,
                "X-1", LocalDate.now(), null, "EUR", List.of(new LineDraft("x", BigDecimal.ONE, BigDecimal.ONE, "Z",
                        BigDecimal.ZERO)), null, null, "SAP", "")));
        assertTrue(documents.find(userA, theirs.id()).isEmpty());
        assertEquals(0, documents.search(userA, new DocumentQuery(b, null, null, null, null, null, null, null, null,
                false, 0, 50)).total());
        assertEquals(List.of(mine.id()), documents.search(userA, DocumentQuery.all(50)).items().stream()
                .map(Document::id).toList());
        assertEquals(0, documents.search(userA, new DocumentQuery(null, null, null, null, null, null, "B-1", null,
                null, false, 0, 50)).total());
        assertRefused(() -> documents.recordPayment(userA, new PaymentDraft(b, Direction.RECEIVABLE, BigDecimal.ONE,
                "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.now(), PaymentStatus.REPORTED, "", null, "x", null,
                List.of())));
        assertRefused(() -> documents.confirmPayment(userA, theirPayment.id(), theirPayment.version(),
                new BankConfirmation("X", LocalDate.now())));
        assertRefused(() -> documents.allocate(userA, theirPayment.id(), theirPayment.version(),
                List.of(new AllocationRequest(theirs.id(), BigDecimal.ONE))));
        assertRefused(() -> documents.applyCreditNote(userA, theirs.id(), theirs.version(),
                new AllocationRequest(theirs.id(), BigDecimal.ONE)));
        assertTrue(documents.findPayment(userA, theirPayment.id()).isEmpty());
        assertEquals(0, documents.payments(userA, new PaymentQuery(b, null, null, null, null, 0, 50)).total());
        assertEquals(0, documents.payments(userA, new PaymentQuery(null, null, null, null, null, 0, 50)).total());
        assertTrue(documents.paymentsFor(userA, theirs.id()).isEmpty());
        assertTrue(documents.history(userA, theirs.id()).isEmpty());
        assertTrue(documents.paymentHistory(userA, theirPayment.id()).isEmpty());

        // StatementService
        DocumentValidationException statement = assertThrows(DocumentValidationException.class,
                () -> statements.statement(userA, b, "EUR", null, LocalDate.now()));
        DocumentValidationException unknown = assertThrows(DocumentValidationException.class,
                () -> statements.statement(userA, "P-99999999", "EUR", null, LocalDate.now()));
        assertEquals(unknown.getMessage().replace("P-99999999", b), statement.getMessage());
        assertTrue(statements.currencies(userA, b).isEmpty());
        assertRefused(() -> statements.aging(userA, "EUR", LocalDate.now()));
        assertRefused(() -> statements.overdue(userA, "EUR", LocalDate.now(), 0, 10));
        assertRefused(() -> statements.payablesDue(userA, "EUR", null, 0, 10));
        assertRefused(() -> statements.dso(userA, b, "EUR", LocalDate.now(), 90));
        assertRefused(() -> statements.dsoTrend(userA, b, "EUR", LocalDate.now(), 3));
        assertRefused(() -> statements.recordReminder(userA, theirs.id(), DunningLevel.REMINDER, "x"));
        assertTrue(statements.reminders(userA, theirs.id()).isEmpty());
        assertRefused(() -> statements.reconcile(userA, LocalDate.now()));

        // DisputeService
        assertThrows(DocumentValidationException.class, () -> disputes.open(userA, new DisputeDraft(theirs.id(),
                DisputeSubject.INVOICE, null, BigDecimal.ONE, "not mine", null)));
        assertRefused(() -> disputes.accept(userA, theirDispute.id(), theirDispute.version(), null, "ok"));
        assertRefused(() -> disputes.reject(userA, theirDispute.id(), theirDispute.version(), "no"));
        assertTrue(disputes.find(userA, theirDispute.id()).isEmpty());
        assertEquals(0, disputes.list(userA, b, null, 0, 50).total());
        assertEquals(0, disputes.list(userA, null, null, 0, 50).total());
        assertTrue(disputes.forDocument(userA, theirs.id()).isEmpty());
        assertTrue(disputes.attachment(userA, theirDispute.id()).isEmpty());
        assertTrue(disputes.history(userA, theirDispute.id()).isEmpty());

        // and B still sees all of it
        assertEquals(theirDispute.id(), disputes.find(userB, theirDispute.id()).orElseThrow().id());
        assertEquals(1, statements.reminders(userB, theirs.id()).size());
        assertEquals(1, documents.search(MANAGER, new DocumentQuery(b, null, null, null, null, null, null, null, null,
                false, 0, 50)).total());
    }

    private static void assertRefused(ThrowingRunnable call) {
        assertThrows(AccessDeniedException.class, call);
    }
}
