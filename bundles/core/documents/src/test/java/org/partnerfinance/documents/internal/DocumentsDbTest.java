package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.OverdueItem;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The documents services with the real ledger, audit trail and partner services on one database (in-memory Derby
 * here, PostgreSQL in {@link DocumentsDbPostgresTest}) through the real unit of work.
 */
public class DocumentsDbTest extends DocumentsDbBase {

    @Test
    public void createsAnInvoiceWithTotalsPostingAndHistory() {
        Document d = documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE,
                " INV-1 ", LocalDate.of(2025, 1, 10), null, "EUR", List.of(line("Widget", "3", "33.335", "S", "19"),
                        line("Manual", "1", "10", "Z", "0")), new BigDecimal("129.00"), null, "SAP", "4711"));
        assertEquals("INV-1", d.number());
        assertEquals(new BigDecimal("110.00"), d.net().amount());
        // 3 × 33.335 = 100.005 rounds half-even to 100.00; 19 % of it is 19.00; the zero-rated line adds no tax
        assertEquals(new BigDecimal("19.00"), d.tax().amount());
        assertEquals(new BigDecimal("129.00"), d.gross().amount());
        assertEquals(LocalDate.of(2025, 2, 9), d.dueDate());
        assertEquals(DocumentStatus.OPEN, d.status());
        assertEquals(Settlement.State.UNPAID, d.settlement().state());
        assertEquals("Acme Resellers", d.partnerName());
        assertEquals(new BigDecimal("129.00"), ledgerBalance(Accounts.PARTNER_RECEIVABLES, "P-1001"));
        assertEquals("document.created", documents.history(ACME, d.id()).get(0).action());
        assertTrue(documents.history(GLOBEX, d.id()).isEmpty());
        assertTrue(documents.find(GLOBEX, d.id()).isEmpty());
        assertEquals(d, documents.find(ACME, d.id()).orElseThrow());

        DocumentValidationException stated = assertThrows(DocumentValidationException.class, () ->
                documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE,
                        "INV-2", TODAY, null, "EUR", List.of(line("Widget", "1", "10", "S", "19")),
                        new BigDecimal("11.89"), null, "SAP", "")));
        assertEquals("statedGross", stated.field());
        assertEquals("currency", assertThrows(DocumentValidationException.class, () -> documents.create(FINANCE,
                new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-3", TODAY, null, "USD",
                        List.of(line("Widget", "1", "10", "S", "19")), null, null, "SAP", ""))).field());
        assertEquals("dueDate", assertThrows(DocumentValidationException.class, () -> documents.create(FINANCE,
                new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-4", TODAY,
                        TODAY.minusDays(1), "EUR", List.of(line("Widget", "1", "10", "S", "19")), null, null, "SAP",
                        ""))).field());
        assertThrows(org.partnerfinance.security.api.AccessDeniedException.class, () -> documents.create(ACME,
                invoice("P-1001", Direction.RECEIVABLE, "INV-5", TODAY, "10")));
        assertEquals(1, documents.search(FINANCE, DocumentQuery.all(50)).total());
    }

    /**
     * {@code create} returns the document from what it wrote instead of reading it back: it must equal a fresh read,
     * field by field, for invoices and credit notes in both directions, with lines whose decimals the columns store at
     * another scale, several tax groups, allowances and charges, a line on an account of its own, a credit note
     * applied to its invoice, inside a caller's unit of work too, and a clock finer than the stored milliseconds.
     */
    @Test
    public void createdDocumentEqualsAFreshReadFieldByField() {
        DocumentsEngine fine = new DocumentsEngine(engine.thresholds(), engine.jpa, engine.unitOfWork, engine.ledger,
                engine.audit, engine.partners, Clock.fixed(Instant.parse("2025-03-20T10:00:00.123456789Z"),
                        ZoneOffset.UTC));
        DocumentServiceImpl service = new DocumentServiceImpl(fine);
        List<LineDraft> lines = List.of(line("Widget", "3.500", "33.3350", "S", "19.00"),
                line("Manual", "1", "10", "Z", "0"), line("Allowance: volume discount", "1", "-12.50", "S", "19"),
                line("Charge: freight", "2", "7.1", "S", "7.5000"), line("Exempt service", "0.25", "100", "E", "0"));
        // each compared with a read right after it was created: a later credit note changes its invoice
        List<Document> created = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            String p = direction == Direction.RECEIVABLE ? "P-1001" : "P-2002";
            created.add(sameAsRead(service.create(FINANCE, new DocumentDraft(p, direction, DocumentKind.INVOICE,
                    " FR-" + direction.id() + " ", LocalDate.of(2025, 1, 10), null, "EUR", lines, null, null, "SAP",
                    "ref 1"))));
            created.add(sameAsRead(service.create(INTEGRATOR, new DocumentDraft(p, direction, DocumentKind.CREDIT_NOTE,
                    "FR-CN-" + direction.id(), LocalDate.of(2025, 1, 12), null, "EUR",
                    List.of(line("Return", "1.0", "20", "S", "19")), null, null, "", ""))));
            created.add(sameAsRead(service.create(INTEGRATOR, new DocumentDraft(p, direction, DocumentKind.CREDIT_NOTE,
                    "FR-CN2-" + direction.id(), LocalDate.of(2025, 1, 15), null, "EUR",
                    List.of(line("Price correction", "1", "15", "S", "19")), null, "fr-" + direction.id(), "SAP",
                    ""))));
            // inside a caller's unit of work, as an import's batch stores its documents
            created.add(sameAsRead(engine.unitOfWork.required(() -> service.create(FINANCE, new DocumentDraft(p, direction,
                    DocumentKind.INVOICE, "FR-UOW-" + direction.id(), LocalDate.of(2025, 2, 1),
                    LocalDate.of(2025, 3, 3), "EUR", List.of(line("Consulting", "1", "100", "S", "20"),
                            new LineDraft("Booked apart", new BigDecimal("1"), new BigDecimal("5"), "Z",
                                    BigDecimal.ZERO, DocumentAccounts.SALES)), null, null, "ERP", "x")))));
        }
        // more lines and tax groups than one insert statement takes
        List<LineDraft> many = new ArrayList<>();
        for (int i = 1; i <= 2 * DocumentRows.ROWS_PER_INSERT + 3; i++) {
            many.add(line("Item " + i, i + ".5", "3.10", "S", Integer.toString(i)));
        }
        Document large = sameAsRead(service.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE,
                DocumentKind.INVOICE, "FR-MANY", LocalDate.of(2025, 2, 2), null, "EUR", many, null, null, "SAP", "")));
        assertEquals(many.size(), large.lines().size());
        assertEquals(many.size(), large.taxes().size());
        assertEquals("Item " + many.size(), large.lines().get(many.size() - 1).description());
        assertEquals(Instant.parse("2025-03-20T10:00:00.123Z"), created.get(0).createdAt());
        // the applied credit notes: settled, with the allocation in their settlement
        assertEquals(DocumentStatus.SETTLED, created.get(2).status());
        assertEquals(Settlement.State.PAID, created.get(2).settlement().state());
        assertEquals(4, created.get(0).taxes().size());
    }

    /** The document, after checking that it equals a fresh read of it, field by field. */
    private Document sameAsRead(Document returned) {
        Document read = documents.find(FINANCE, returned.id()).orElseThrow();
        for (java.lang.reflect.RecordComponent c : Document.class.getRecordComponents()) {
            try {
                assertEquals(returned.number() + ": " + c.getName(), c.getAccessor().invoke(read),
                        c.getAccessor().invoke(returned));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(read, returned);
        return returned;
    }

    @Test
    public void refusesDuplicatesWhateverTheCaseAndSpacing() {
        Document first = receivable("inv-100", TODAY, "100");
        for (String variant : List.of("INV-100", " inv-100", "Inv-100  ")) {
            DuplicateDocumentException e = assertThrows(DuplicateDocumentException.class,
                    () -> receivable(variant, TODAY, "5"));
            assertEquals(first.id(), e.existingId());
            assertEquals("inv-100", e.existingNumber());
        }
        // the same number from the partner (payable) is another document
        documents.create(INTEGRATOR, invoice("P-1001", Direction.PAYABLE, "INV-100", TODAY, "7"));
        assertEquals(2, documents.search(FINANCE, DocumentQuery.all(50)).total());
        assertEquals(new BigDecimal("120.00"), ledgerBalance(Accounts.PARTNER_RECEIVABLES, "P-1001"));
    }

    @Test
    public void concurrentDuplicatesGiveOneDocumentAndOneRefusal() throws Exception {
        receivable("WARMUP", TODAY, "1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String number = i == 0 ? "RACE-1" : "race-1 ";
                Callable<Object> task = () -> {
                    start.await();
                    try {
                        return receivable(number, TODAY, "10");
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Object> f : results) {
                Object r = f.get();
                if (r instanceof Document) {
                    created++;
                } else {
                    assertTrue("expected a duplicate refusal, got " + r, r instanceof DuplicateDocumentException);
                    refused++;
                }
            }
            assertEquals(1, created);
            assertEquals(1, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void creditNoteNamingItsInvoiceIsAppliedAtOnce() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 1, 10), "100");
        Document cn = documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE,
                DocumentKind.CREDIT_NOTE, "CN-1", LocalDate.of(2025, 1, 20), null, "EUR",
                List.of(line("Return", "1", "25", "S", "20")), null, "inv-1", "SAP", ""));
        assertEquals(inv.id(), cn.creditedId().longValue());
        assertEquals(LocalDate.of(2025, 1, 20), cn.dueDate());
        assertEquals(DocumentStatus.SETTLED, cn.status());
        Document after = documents.find(FINANCE, inv.id()).orElseThrow();
        assertEquals(new BigDecimal("90.00"), after.open().amount());
        assertEquals(DocumentStatus.PARTIALLY_SETTLED, after.status());
        assertEquals(new BigDecimal("90.00"), ledgerBalance(Accounts.PARTNER_RECEIVABLES, "P-1001"));
        // output VAT: 20.00 charged on the invoice, 5.00 given back by the credit note
        assertEquals(new BigDecimal("15.00"), ledgerBalance(DocumentAccounts.OUTPUT_VAT, null));
    }

    @Test
    public void reportedPaymentIsNotPaidUntilTheBankConfirmsIt() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 1, 10), "100");
        Payment p = documents.recordPayment(INTEGRATOR, payment(Direction.RECEIVABLE, "120", PaymentStatus.REPORTED,
                LocalDate.of(2025, 2, 1), "", null, List.of(new AllocationRequest(inv.id(), new BigDecimal("120")))));
        assertEquals(1, p.allocations().size());
        assertFalse(p.allocations().get(0).effective());
        Document reported = documents.find(ACME, inv.id()).orElseThrow();
        assertEquals(Settlement.State.REPORTED_PAID, reported.settlement().state());
        assertEquals("Reported paid by SAP, not yet confirmed by the bank", reported.settlement().label());
        assertEquals(new BigDecimal("120.00"), reported.open().amount());
        assertEquals(BigDecimal.ZERO.setScale(2), ledgerBalance(Accounts.BANK, null));

        Payment confirmed = documents.confirmPayment(FINANCE, p.id(), p.version(),
                new BankConfirmation("BANK-77", LocalDate.of(2025, 2, 3)));
        assertEquals(PaymentStatus.CONFIRMED, confirmed.status());
        assertTrue(confirmed.allocations().get(0).effective());
        assertEquals(LocalDate.of(2025, 2, 3), confirmed.allocations().get(0).date());
        Document paid = documents.find(ACME, inv.id()).orElseThrow();
        assertEquals(DocumentStatus.SETTLED, paid.status());
        assertEquals(new Settlement(Settlement.State.PAID, LocalDate.of(2025, 2, 3), null, "BANK-77"),
                paid.settlement());
        assertEquals(BigDecimal.ZERO.setScale(2), ledgerBalance(Accounts.PARTNER_RECEIVABLES, "P-1001"));

        Payment again = documents.confirmPayment(INTEGRATOR, p.id(), 0, new BankConfirmation("bank-77",
                LocalDate.of(2025, 2, 3)));
        assertEquals(confirmed, again);
        assertEquals("bankReference", assertThrows(DocumentValidationException.class, () ->
                documents.confirmPayment(FINANCE, p.id(), confirmed.version(), new BankConfirmation("OTHER",
                        LocalDate.of(2025, 2, 3)))).field());
        assertEquals("bookingDate", assertThrows(DocumentValidationException.class, () ->
                documents.confirmPayment(FINANCE, p.id(), confirmed.version(), new BankConfirmation("X",
                        TODAY.plusDays(1)))).field());
        assertEquals(List.of("payment.recorded", "payment.allocated", "payment.confirmed"),
                documents.paymentHistory(ACME, p.id()).stream().map(h -> h.action()).toList());
        assertTrue(documents.paymentHistory(GLOBEX, p.id()).isEmpty());
        assertEquals(1, documents.paymentsFor(ACME, inv.id()).size());
    }

    @Test
    public void overPaymentLeavesTheRestOnAccountAndAutoAllocationFollowsTheRemittance() {
        Document older = receivable("INV-1", LocalDate.of(2025, 1, 5), "50");
        Document newer = receivable("INV-2", LocalDate.of(2025, 1, 10), "100");
        Payment p = documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "200", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 2, 1), "Payment for inv-2 thanks", "B-1", List.of()));
        assertEquals(List.of(newer.id(), older.id()), p.allocations().stream().map(a -> a.documentId()).toList());
        assertEquals(new BigDecimal("20.00"), p.unapplied().amount());
        Statement s = statements.statement(ACME, "P-1001", "EUR", LocalDate.of(2025, 1, 1), TODAY);
        assertEquals(new BigDecimal("-20.00"), s.closing());
        assertEquals(new BigDecimal("-20.00"), s.aging().unapplied());
        assertEquals(s.closing(), s.aging().total());
    }

    @Test
    public void scheduledAllocationIsRecheckedAtConfirmation() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 1, 10), "100");
        Payment p = documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "120", PaymentStatus.SCHEDULED,
                LocalDate.of(2025, 3, 25), "", null, List.of()));
        assertEquals(Settlement.State.SCHEDULED, documents.find(ACME, inv.id()).orElseThrow().settlement().state());
        assertEquals(new BigDecimal("0.00"), p.unapplied().amount());
        // meanwhile a credit note settles part of the invoice
        documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE, "CN-1",
                LocalDate.of(2025, 2, 1), null, "EUR", List.of(line("Bonus", "1", "25", "S", "20")), null, "INV-1",
                "SAP", ""));
        Payment confirmed = documents.confirmPayment(FINANCE, p.id(), p.version(),
                new BankConfirmation("B-9", LocalDate.of(2025, 3, 19)));
        assertEquals(new BigDecimal("90.00"), confirmed.allocations().get(0).amount().amount());
        assertEquals(new BigDecimal("30.00"), confirmed.unapplied().amount());
        assertEquals(DocumentStatus.SETTLED, documents.find(ACME, inv.id()).orElseThrow().status());
    }

    @Test
    public void statementAsOfPastDatesAndAging() {
        receivable("INV-1", LocalDate.of(2024, 12, 1), "100"); // due 2024-12-31, gross 120
        Document inv2 = receivable("INV-2", LocalDate.of(2025, 1, 10), "50"); // due 2025-02-09, gross 60
        documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "60", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 3, 1), "INV-2", "B-1", List.of()));
        documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "P-77", LocalDate.of(2025, 1, 15), "10"));

        Statement feb = statements.statement(ACME, "P-1001", "EUR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 15));
        assertEquals(new BigDecimal("120.00"), feb.opening());
        assertEquals(2, feb.lines().size());
        assertEquals(new BigDecimal("180.00"), feb.lines().get(0).balance());
        assertEquals(new BigDecimal("168.00"), feb.closing());
        assertEquals(new BigDecimal("120.00"), feb.aging().days31to60()); // 46 days overdue
        // INV-2 (6 days overdue) and the partner's invoice P-77 (due 2025-02-14, 1 day overdue, owed to the partner)
        assertEquals(new BigDecimal("48.00"), feb.aging().days1to30());
        assertEquals(new BigDecimal("0.00"), feb.aging().current());
        assertEquals(feb.closing(), feb.aging().total());

        Statement now = statements.statement(ACME, "P-1001", "EUR", LocalDate.of(2025, 1, 1), TODAY);
        assertEquals(new BigDecimal("108.00"), now.closing());
        assertEquals("payment-received", now.lines().get(now.lines().size() - 1).kind());
        assertEquals(now.closing(), now.aging().total());
        assertEquals(new BigDecimal("0.00"), now.aging().days1to30());
        assertEquals(DocumentStatus.SETTLED, documents.find(ACME, inv2.id()).orElseThrow().status());

        assertEquals("partner", assertThrows(DocumentValidationException.class, () ->
                statements.statement(GLOBEX, "P-1001", "EUR", null, TODAY)).field());
        assertEquals("partner", assertThrows(DocumentValidationException.class, () ->
                statements.statement(FINANCE, "P-9999", "EUR", null, TODAY)).field());
        assertEquals(List.of("EUR"), statements.currencies(ACME, "P-1001"));
        assertTrue(statements.currencies(GLOBEX, "P-1001").isEmpty());
    }

    @Test
    public void disputeAcceptedIssuesAnAppliedCreditNote() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 3, 1), "100");
        Dispute d = disputes.open(ACME, new DisputeDraft(inv.id(), DisputeSubject.LINE, 1, new BigDecimal("24"),
                "Two units arrived broken", new DisputeAttachment("photo.png", "image/png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2})));
        assertTrue(documents.find(ACME, inv.id()).orElseThrow().disputed());
        assertEquals("image/png", disputes.attachment(MANAGER, d.id()).orElseThrow().contentType());
        assertTrue(disputes.attachment(GLOBEX, d.id()).isEmpty());
        assertThrows(DocumentValidationException.class, () -> disputes.open(GLOBEX, new DisputeDraft(inv.id(),
                DisputeSubject.INVOICE, null, BigDecimal.ONE, "not mine", null)));
        assertEquals("attachment", assertThrows(DocumentValidationException.class, () -> disputes.open(ACME,
                new DisputeDraft(inv.id(), DisputeSubject.INVOICE, null, BigDecimal.ONE, "x",
                        new DisputeAttachment("a.exe", "application/pdf", new byte[] {'M', 'Z', 0, 0, 0, 0}))))
                .field());
        assertThrows(org.partnerfinance.security.api.AccessDeniedException.class,
                () -> disputes.accept(FINANCE, d.id(), d.version(), null, "ok"));

        Dispute accepted = disputes.accept(MANAGER, d.id(), d.version(), null, "Agreed");
        assertEquals(DisputeStatus.ACCEPTED, accepted.status());
        Document cn = documents.find(ACME, accepted.creditNoteId()).orElseThrow();
        assertEquals("CN-D" + d.id(), cn.number());
        assertEquals(new BigDecimal("24.00"), cn.gross().amount());
        Document after = documents.find(ACME, inv.id()).orElseThrow();
        assertFalse(after.disputed());
        assertEquals(new BigDecimal("96.00"), after.open().amount());
        assertEquals(new BigDecimal("96.00"), ledgerBalance(Accounts.PARTNER_RECEIVABLES, "P-1001"));
        assertEquals(List.of("dispute.opened", "dispute.accepted"),
                disputes.history(ACME, d.id()).stream().map(h -> h.action()).toList());
        assertEquals(1, disputes.list(ACME, null, null, 0, 10).total());
        assertEquals(0, disputes.list(GLOBEX, "P-1001", null, 0, 10).total());
        assertEquals(1, disputes.forDocument(ACME, inv.id()).size());

        Dispute second = disputes.open(ACME, new DisputeDraft(inv.id(), DisputeSubject.DEDUCTION, null,
                new BigDecimal("10"), "Short shipment", null));
        assertEquals("reason", assertThrows(DocumentValidationException.class,
                () -> disputes.reject(MANAGER, second.id(), second.version(), " ")).field());
        Dispute rejected = disputes.reject(MANAGER, second.id(), second.version(), "Shipment was complete");
        assertEquals(DisputeStatus.REJECTED, rejected.status());
        assertEquals("Shipment was complete", disputes.find(ACME, second.id()).orElseThrow().resolution());
    }

    @Test
    public void reconciliationAfterAMixedHistoryHasNoDifferencesAndNamesAnInjectedOne() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 1, 10), "100");
        receivable("INV-2", LocalDate.of(2025, 2, 10), "40");
        documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "V-1", LocalDate.of(2025, 1, 12), "80"));
        documents.create(FINANCE, new DocumentDraft("P-2002", Direction.RECEIVABLE, DocumentKind.INVOICE, "G-1",
                LocalDate.of(2025, 1, 3), null, "EUR", List.of(line("Service", "2", "15.5", "S", "20")), null, null,
                "SAP", ""));
        documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE, "CN-1",
                LocalDate.of(2025, 2, 1), null, "EUR", List.of(line("Bonus", "1", "10", "S", "20")), null, null,
                "SAP", ""));
        documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "150", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 3, 1), "", "B-1", List.of()));
        documents.recordPayment(FINANCE, payment(Direction.PAYABLE, "50", PaymentStatus.REPORTED,
                LocalDate.of(2025, 3, 1), "V-1", null, List.of()));
        Page<Payment> payments = documents.payments(FINANCE, new org.partnerfinance.documents.api.PaymentQuery(
                "P-1001", Direction.PAYABLE, null, null, null, 0, 10));
        Payment toPartner = payments.items().get(0);
        documents.confirmPayment(FINANCE, toPartner.id(), toPartner.version(), new BankConfirmation("B-2",
                LocalDate.of(2025, 3, 2)));
        assertEquals(DocumentStatus.SETTLED, documents.find(FINANCE, inv.id()).orElseThrow().status());

        for (LocalDate asOf : List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), TODAY)) {
            Reconciliation r = statements.reconcile(FINANCE, asOf);
            assertTrue(asOf + ": " + r.differences(), r.reconciled());
            assertTrue(r.compared() >= 2);
        }
        // a manual posting on the control account that no document explains
        ledger.post(FINANCE, new JournalEntryDraft(LocalDate.of(2025, 3, 5), "Manual correction", "manual:1",
                List.of(JournalLine.debit(Accounts.PARTNER_RECEIVABLES, Money.of("7.50", "EUR"), "P-2002"),
                        JournalLine.credit(DocumentAccounts.SALES, Money.of("7.50", "EUR"), null))));
        Reconciliation broken = statements.reconcile(FINANCE, TODAY);
        assertEquals(1, broken.differences().size());
        assertEquals("P-2002", broken.differences().get(0).partnerId());
        assertEquals("1200", broken.differences().get(0).controlAccount());
        assertEquals(new BigDecimal("-7.50"), broken.differences().get(0).difference());
        assertTrue(statements.reconcile(FINANCE, LocalDate.of(2025, 3, 4)).reconciled());
    }

    @Test
    public void collectionsOverdueRemindersAndDso() {
        Document inv = receivable("INV-1", LocalDate.of(2025, 1, 10), "100"); // due 2025-02-09: 39 days overdue
        receivable("INV-2", LocalDate.of(2025, 3, 1), "100"); // not yet due
        documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "V-1", LocalDate.of(2025, 3, 1), "10"));
        Page<OverdueItem> overdue = statements.overdue(FINANCE, "EUR", TODAY, 0, 10);
        assertEquals(1, overdue.total());
        OverdueItem item = overdue.items().get(0);
        assertEquals(39, item.daysOverdue());
        assertEquals(DunningLevel.FINAL_DEMAND, item.dueLevel());
        assertEquals(DunningLevel.NONE, item.lastLevel());

        statements.recordReminder(FINANCE, inv.id(), DunningLevel.REMINDER, "Called Jane, pays Friday");
        assertEquals(DunningLevel.REMINDER, statements.overdue(FINANCE, "EUR", TODAY, 0, 10).items().get(0)
                .lastLevel());
        assertEquals(1, statements.reminders(ACME, inv.id()).size());
        assertTrue(statements.reminders(GLOBEX, inv.id()).isEmpty());
        assertEquals("note", assertThrows(DocumentValidationException.class,
                () -> statements.recordReminder(FINANCE, inv.id(), DunningLevel.REMINDER, "")).field());
        assertThrows(org.partnerfinance.security.api.AccessDeniedException.class,
                () -> statements.recordReminder(ACME, inv.id(), DunningLevel.REMINDER, "x"));
        assertEquals("reminder.recorded", documents.history(FINANCE, inv.id()).get(1).action());

        assertEquals(1, statements.payablesDue(FINANCE, "EUR", null, 0, 10).total());
        var dso = statements.dso(FINANCE, "P-1001", "EUR", TODAY, 90);
        assertEquals(new BigDecimal("240.00"), dso.receivables());
        assertEquals(new BigDecimal("240.00"), dso.sales());
        assertEquals(new BigDecimal("90.0"), dso.days());
        assertEquals(3, statements.dsoTrend(FINANCE, null, "EUR", TODAY, 3).size());
        assertEquals(1, statements.aging(FINANCE, "EUR", TODAY).size());
    }

    @Test
    public void listsAndTheAgingNameEveryPartnerOfThePage() {
        documents.create(FINANCE, invoice("P-1001", Direction.RECEIVABLE, "INV-A1", TODAY.minusDays(40), "100.00"));
        documents.create(FINANCE, invoice("P-2002", Direction.RECEIVABLE, "INV-G1", TODAY.minusDays(10), "50.00"));
        documents.create(FINANCE, invoice("P-1001", Direction.RECEIVABLE, "INV-A2", TODAY.minusDays(5), "30.00"));

        // the names of all partners on a page come from one bulk read of the partner service
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Document d : documents.search(FINANCE, DocumentQuery.all(50)).items()) {
            names.merge(d.number(), d.partnerName(), (a, b) -> a + "," + b);
        }
        assertEquals(java.util.Map.of("INV-A1", "Acme Resellers", "INV-G1", "Globex", "INV-A2", "Acme Resellers"),
                names);
        assertEquals(List.of("P-1001 Acme Resellers", "P-2002 Globex"), statements.aging(FINANCE, "EUR", TODAY)
                .stream().map(row -> row.partnerId() + " " + row.partnerName()).toList());
    }

    @Test
    public void foreignCurrencyDocumentsPostWithTheExchangeRateAndNotWithoutOne() {
        partners.setAllowedCurrencies(Caller.system(), "P-1001", Set.of(Currency.getInstance("EUR"),
                Currency.getInstance("USD")));
        DocumentDraft usd = new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "US-1",
                LocalDate.of(2025, 2, 1), null, "USD", List.of(line("Goods", "1", "100", "S", "20")), null, null,
                "SAP", "");
        assertThrows(org.partnerfinance.ledger.api.MissingExchangeRateException.class,
                () -> documents.create(FINANCE, usd));
        assertEquals("nothing of the refused document is stored", 0,
                documents.search(FINANCE, DocumentQuery.all(10)).total());
        ledger.setRate(FINANCE, Currency.getInstance("USD"), LocalDate.of(2025, 1, 1), new BigDecimal("0.9"));
        Document d = documents.create(FINANCE, usd);
        documents.recordPayment(FINANCE, new PaymentDraft("P-1001", Direction.RECEIVABLE, new BigDecimal("50"),
                "USD", PaymentMethod.BANK_TRANSFER, LocalDate.of(2025, 3, 1), PaymentStatus.CONFIRMED, "US-1", null,
                "SAP", "B-US", List.of()));
        Statement s = statements.statement(ACME, "P-1001", "USD", LocalDate.of(2025, 1, 1), TODAY);
        assertEquals(new BigDecimal("70.00"), s.closing());
        assertEquals(new BigDecimal("70.00"), documents.find(ACME, d.id()).orElseThrow().open().amount());
        assertEquals(List.of("USD"), statements.currencies(ACME, "P-1001"));
        assertTrue(statements.reconcile(FINANCE, TODAY).reconciled());
    }

    @Test
    public void eventsFollowCommitsOnlyAndEndToEndReferencesAreUnique() {
        List<org.osgi.service.event.Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
        engine.events = (org.osgi.service.event.EventAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.osgi.service.event.EventAdmin.class}, (proxy, method, args) -> {
                    events.add((org.osgi.service.event.Event) args[0]);
                    return null;
                });
        Document d = receivable("EV-1", TODAY, "10");
        assertEquals(1, events.size());
        assertEquals(org.partnerfinance.documents.api.DocumentEvents.TOPIC, events.get(0).getTopic());
        assertEquals("document.created", events.get(0).getProperty(
                org.partnerfinance.documents.api.DocumentEvents.ACTION));
        assertEquals(d.id(), events.get(0).getProperty(org.partnerfinance.documents.api.DocumentEvents.ID));
        assertEquals("P-1001", events.get(0).getProperty(org.partnerfinance.documents.api.DocumentEvents.PARTNER));
        assertThrows(DuplicateDocumentException.class, () -> receivable("ev-1", TODAY, "10"));
        // a unit of work that rolls back after the change announces nothing
        assertThrows(IllegalStateException.class, () -> db.unitOfWork().required(() -> {
            receivable("EV-2", TODAY, "10");
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(1, events.size());
        assertEquals(1, documents.search(FINANCE, DocumentQuery.all(10)).total());

        PaymentDraft draft = new PaymentDraft("P-1001", Direction.RECEIVABLE, BigDecimal.TEN, "EUR",
                PaymentMethod.BANK_TRANSFER, TODAY, PaymentStatus.REPORTED, "", "E2E-42", "SAP", null, List.of());
        Payment first = documents.recordPayment(FINANCE, draft);
        DuplicateDocumentException duplicate = assertThrows(DuplicateDocumentException.class, () ->
                documents.recordPayment(INTEGRATOR, new PaymentDraft("P-1001", Direction.RECEIVABLE,
                        BigDecimal.ONE, "EUR", PaymentMethod.BANK_TRANSFER, TODAY, PaymentStatus.REPORTED, "",
                        " e2e-42 ", "SAP", null, List.of())));
        assertEquals(first.id(), duplicate.existingId());
        assertEquals(2, events.size());
    }

    @Test
    public void partnersDownloadProofsOfTheirOwnDocumentsRecordsOnly() {
        Document invoice = receivable("INV-PROOF-1", LocalDate.of(2025, 3, 1), "100.00");
        long seq = documents.history(ACME, invoice.id()).get(0).sequence();
        String proof = documents.proof(ACME, invoice.id(), seq).orElseThrow();
        assertTrue(proof, proof.contains("\"seq\" : " + seq + ","));
        assertTrue(proof, proof.contains("INV-PROOF-1"));
        assertTrue("another partner gets nothing", documents.proof(GLOBEX, invoice.id(), seq).isEmpty());
        Document other = receivable("INV-PROOF-2", LocalDate.of(2025, 3, 2), "50.00");
        assertTrue("a record of another document is not proven through this one",
                documents.proof(ACME, other.id(), seq).isEmpty());
    }

    /**
     * The total of a list without a partner comes from the kept counts (doc_list_count) when it filters by direction,
     * kind and status only: after new documents, partial and full settlements, credit notes and a rolled-back unit of
     * work it must equal counting the documents, for every such filter; and the page, read through its ids, keeps the
     * list's order.
     */
    @Test
    public void listTotalsFromTheKeptCountsEqualCountingTheDocuments() throws Exception {
        Document a = receivable("CNT-1", LocalDate.of(2025, 1, 10), "100");
        Document b = receivable("CNT-2", LocalDate.of(2025, 1, 11), "100");
        receivable("CNT-3", LocalDate.of(2025, 1, 11), "100");
        documents.create(FINANCE, new DocumentDraft("P-2002", Direction.RECEIVABLE, DocumentKind.INVOICE, "CNT-4",
                LocalDate.of(2025, 1, 9), null, "EUR", List.of(line("Goods", "1", "80", "S", "20")), null, null,
                "SAP", ""));
        Document payable = documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "CNT-P1",
                LocalDate.of(2025, 1, 12), "50"));
        documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "CNT-P2", LocalDate.of(2025, 1, 12), "50"));
        // a credit note applied at once: settled itself, invoice a partly settled
        documents.create(FINANCE, new DocumentDraft("P-1001", Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE,
                "CNT-C1", LocalDate.of(2025, 1, 20), null, "EUR", List.of(line("Return", "1", "25", "S", "20")), null,
                "cnt-1", "SAP", ""));
        // b settled in full, then the payable in two steps (partly, then settled)
        documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "120", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 2, 1), "", "BANK-CNT-1", List.of(new AllocationRequest(b.id(),
                        new BigDecimal("120")))));
        documents.recordPayment(FINANCE, payment(Direction.PAYABLE, "20", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 2, 2), "", "BANK-CNT-2", List.of(new AllocationRequest(payable.id(),
                        new BigDecimal("20")))));
        documents.recordPayment(FINANCE, payment(Direction.PAYABLE, "40", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 2, 3), "", "BANK-CNT-3", List.of(new AllocationRequest(payable.id(),
                        new BigDecimal("40")))));
        // created on other threads (other slots), then settled here: the slots' sum stays exact
        ExecutorService others = Executors.newFixedThreadPool(2);
        List<Future<Document>> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String number = "CNT-T" + i;
            created.add(others.submit(() -> receivable(number, LocalDate.of(2025, 1, 15), "10")));
        }
        others.shutdown();
        Document fromOtherThread = created.get(0).get();
        for (Future<Document> f : created) {
            f.get();
        }
        documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "12", PaymentStatus.CONFIRMED,
                LocalDate.of(2025, 2, 3), "", "BANK-CNT-5", List.of(new AllocationRequest(fromOtherThread.id(),
                        new BigDecimal("12")))));
        // neither the document nor the settlement of a rolled-back unit of work is counted
        assertThrows(IllegalStateException.class, () -> db.unitOfWork().required(() -> {
            receivable("CNT-GONE", TODAY, "10");
            documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "20", PaymentStatus.CONFIRMED,
                    LocalDate.of(2025, 2, 4), "", "BANK-CNT-4", List.of(new AllocationRequest(a.id(),
                            new BigDecimal("20")))));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(DocumentStatus.PARTIALLY_SETTLED, documents.find(FINANCE, a.id()).orElseThrow().status());
        assertEquals(DocumentStatus.SETTLED, documents.find(FINANCE, payable.id()).orElseThrow().status());

        List<Direction> directions = new ArrayList<>(List.of(Direction.values()));
        directions.add(null);
        List<DocumentKind> kinds = new ArrayList<>(List.of(DocumentKind.values()));
        kinds.add(null);
        List<DocumentStatus> statuses = new ArrayList<>(List.of(DocumentStatus.values()));
        statuses.add(null);
        int nonEmpty = 0;
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            for (Direction direction : directions) {
                for (DocumentKind kind : kinds) {
                    for (DocumentStatus status : statuses) {
                        String where = " WHERE 1 = 1" + (direction == null ? "" : " AND direction = '"
                                + direction.name() + "'") + (kind == null ? "" : " AND kind = '" + kind.name() + "'")
                                + (status == null ? "" : " AND status = '" + status.name() + "'");
                        List<Long> expected = new ArrayList<>();
                        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                                "SELECT id FROM doc_document" + where + " ORDER BY issue_date DESC, id DESC")) {
                            while (rs.next()) {
                                expected.add(rs.getLong(1));
                            }
                        }
                        String what = direction + " " + kind + " " + status;
                        Page<Document> page = documents.search(FINANCE, new DocumentQuery(null, direction, kind,
                                status, null, null, null, null, DocumentQuery.Sort.ISSUE_DATE, false, 0, 3));
                        assertEquals(what, expected.size(), page.total());
                        assertEquals(what, expected.subList(0, Math.min(3, expected.size())),
                                page.items().stream().map(Document::id).toList());
                        Page<Document> second = documents.search(FINANCE, new DocumentQuery(null, direction, kind,
                                status, null, null, null, null, DocumentQuery.Sort.ISSUE_DATE, false, 3, 3));
                        assertEquals(what, expected.subList(Math.min(3, expected.size()),
                                Math.min(6, expected.size())), second.items().stream().map(Document::id).toList());
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue("the filters cover documents in several states", nonEmpty >= 25);
        // a partner user's list is counted, not taken from the counts of all partners
        assertEquals(10, documents.search(ACME, DocumentQuery.all(50)).total());
    }

    @Test
    public void pagesAfterAnIdReadAListToItsEndWithTheSameFiltersAndAuthorization() {
        List<Long> open = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            open.add(receivable("INV-K" + i, LocalDate.of(2025, 1, 10 + (i * 5) % 7), "10").id());
        }
        documents.create(FINANCE, invoice("P-1001", Direction.PAYABLE, "BILL-K1", TODAY, "10"));
        documents.create(FINANCE, invoice("P-2002", Direction.RECEIVABLE, "INV-G1", TODAY, "10"));
        Document paid = receivable("INV-K8", TODAY, "10");
        Payment p = documents.recordPayment(FINANCE, payment(Direction.RECEIVABLE, "12", PaymentStatus.CONFIRMED,
                TODAY, "", "BANK-K8", List.of(new AllocationRequest(paid.id(), new BigDecimal("12")))));

        DocumentQuery query = new DocumentQuery("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE,
                DocumentStatus.OPEN, null, null, null, null, DocumentQuery.Sort.ISSUE_DATE, false, 0, 3);
        List<Long> read = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            List<Document> page = documents.searchAfter(FINANCE, query, after);
            pages++;
            page.forEach(d -> read.add(d.id()));
            if (page.size() < query.limit()) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        assertEquals("the open receivables in id order, the settled one, the payable and the other partner's left out",
                open, read);
        assertEquals(3, pages);
        assertEquals(List.of(open.get(6)), documents.searchAfter(FINANCE, query, open.get(5)).stream()
                .map(Document::id).toList());
        assertTrue("another partner's user reads nothing of P-1001",
                documents.searchAfter(GLOBEX, query, 0).isEmpty());
        assertEquals(3, documents.searchAfter(ACME, query, 0).size());

        Payment reported = documents.recordPayment(INTEGRATOR, payment(Direction.RECEIVABLE, "12",
                PaymentStatus.REPORTED, TODAY, "", null, List.of(new AllocationRequest(open.get(0),
                        new BigDecimal("12")))));
        PaymentQuery reportedOnly = new PaymentQuery(null, null, PaymentStatus.REPORTED, null, null, 0, 1);
        assertEquals(List.of(reported.id()), documents.paymentsAfter(FINANCE, reportedOnly, 0).stream()
                .map(Payment::id).toList());
        assertEquals(1, documents.paymentsAfter(FINANCE, reportedOnly, 0).get(0).allocations().size());
        assertTrue(documents.paymentsAfter(FINANCE, reportedOnly, reported.id()).isEmpty());
        assertEquals(List.of(p.id()), documents.paymentsAfter(FINANCE, new PaymentQuery(null, null,
                PaymentStatus.CONFIRMED, null, null, 0, 10), 0).stream().map(Payment::id).toList());
        assertTrue(documents.paymentsAfter(GLOBEX, reportedOnly, 0).isEmpty());
    }
}
