package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.connectors.api.ExportConnector;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.PaymentOrder;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.internal.DocumentsHarness;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Exports on a real database with the real documents, partner, ledger and audit services: the payments are marked
 * SENT in the unit of work that records the run and keeps the file; a refused selection or a connector that fails
 * leaves every payment SCHEDULED and no run behind.
 */
public class ExportServiceDbTest {

    static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    private TestPersistence db;
    private Jpa jpa;
    private DocumentsHarness core;
    private ExportServiceImpl exports;
    /** What the test connector was given, per call. */
    private final List<PaymentOrder> written = new ArrayList<>();
    private volatile boolean failWrite;

    /** Writes one line per transfer, or fails like a connector that cannot express the order. */
    private final ExportConnector connector = new ExportConnector() {
        @Override
        public String id() {
            return "lines";
        }

        @Override
        public String name() {
            return "Lines";
        }

        @Override
        public List<String> formats() {
            return List.of("text");
        }

        @Override
        public String fileExtension() {
            return "txt";
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public void write(PaymentOrder order, OutputStream out) throws ExportFormatException, IOException {
            written.add(order);
            if (failWrite) {
                throw new ExportFormatException("The debtor account is not configured.");
            }
            for (PaymentOrder.CreditTransfer t : order.transfers()) {
                out.write((t.endToEndId() + ";" + t.amount().amount().toPlainString() + ";" + t.creditorIban() + ";"
                        + t.executionDate() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    };

    @Before
    public void setUp() {
        db = TestPersistence.inMemory();
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        core = new DocumentsHarness(db, ETC.getRoot().toPath(), clock);
        Currency eur = Currency.getInstance("EUR");
        core.partners.create(Caller.system(), "P-1001", new PartnerDetails("Acme Resellers", PartnerKind.RESELLER,
                eur, Set.of(eur), "", "", null, 30, null, true,
                new BankAccount("DE02 1203 0000 0000 2020 51", "bylademm", "")));
        core.partners.create(Caller.system(), "P-2002", "Globex", PartnerKind.DISTRIBUTOR, eur);
        jpa = db.persistenceService().open(new PersistenceUnitSpec(ExportServiceImpl.UNIT,
                TestPersistence.bundleOf(ExportServiceImpl.class), List.of(), "db/exports"));
        exports = new ExportServiceImpl(jpa, db.unitOfWork(), core.audit, core.documents, core.partners, clock);
        exports.exporters = List.of(Map.entry(Map.of(), connector));
    }

    @After
    public void tearDown() {
        jpa.close();
        db.close();
    }

    private Payment scheduled(String partner, String amount, String endToEnd, LocalDate valueDate) {
        return core.documents.recordPayment(MANAGER, new PaymentDraft(partner, Direction.PAYABLE,
                new BigDecimal(amount), "EUR", PaymentMethod.BANK_TRANSFER, valueDate, PaymentStatus.SCHEDULED,
                "Claim settlement", endToEnd, "portal", null, List.of()));
    }

    private PaymentStatus status(Payment p) {
        return core.documents.findPayment(MANAGER, p.id()).orElseThrow().status();
    }

    @Test
    public void exportMarksThePaymentsSentWithTheRunAndKeepsTheFile() {
        Payment a = scheduled("P-1001", "120.00", "CLM-2026-0001", TODAY.plusDays(3));
        Payment b = scheduled("P-1001", "30.50", null, TODAY.minusDays(2));

        ExportRun run = exports.export(MANAGER, "lines", List.of(a.id(), b.id()));

        assertEquals("PF-20261202-" + run.id(), run.messageId());
        assertEquals(List.of(a.id(), b.id()), run.paymentIds());
        assertEquals("EUR 150.50", ExportStore.totals(run.totals()));
        Payment sentA = core.documents.findPayment(MANAGER, a.id()).orElseThrow();
        Payment sentB = core.documents.findPayment(MANAGER, b.id()).orElseThrow();
        assertEquals(PaymentStatus.SENT, sentA.status());
        assertEquals(run.messageId(), sentA.paymentOrder());
        assertEquals(TODAY, sentA.sentOn());
        assertEquals("Sent to bank on 2026-12-02", sentA.statusText());
        // a payment without an end-to-end reference gets the one the order carries and the bank reports back
        assertEquals("PF-PAY-" + b.id(), sentB.endToEndId());
        String file = new String(exports.file(REVIEWER, run.id()).orElseThrow().content(), StandardCharsets.UTF_8);
        assertEquals("CLM-2026-0001;120.00;DE02120300000000202051;2026-12-05\n"
                + "PF-PAY-" + b.id() + ";30.50;DE02120300000000202051;2026-12-02\n", file);
        assertEquals(ExportServiceImpl.sha256(file.getBytes(StandardCharsets.UTF_8)), run.sha256());
        assertEquals(run, exports.find(REVIEWER, run.id()).orElseThrow());
        assertEquals(List.of(run), exports.recent(REVIEWER, "lines", 10));
        assertEquals("Acme Resellers", written.get(0).transfers().get(0).creditorName());
        assertEquals("BYLADEMM", written.get(0).transfers().get(0).creditorBic());
        // the payments' own history shows them sent
        assertTrue(core.documents.paymentHistory(MANAGER, a.id()).stream()
                .anyMatch(h -> h.action().equals("payment.sent")));

        // sent once: a second export of the same payment is refused
        ExportRefusedException again = assertThrows(ExportRefusedException.class,
                () -> exports.export(MANAGER, "lines", List.of(a.id())));
        assertTrue(again.getMessage(), again.reasons().get(0).contains("status SENT"));
    }

    @Test
    public void aRefusedSelectionNamesEveryFaultAndChangesNothing() {
        Payment ok = scheduled("P-1001", "10.00", "E2E-OK", TODAY);
        Payment noIban = scheduled("P-2002", "20.00", "E2E-GLOBEX", TODAY);
        Payment incoming = core.documents.recordPayment(MANAGER, new PaymentDraft("P-1001", Direction.RECEIVABLE,
                new BigDecimal("5.00"), "EUR", PaymentMethod.BANK_TRANSFER, TODAY, PaymentStatus.SCHEDULED, "",
                null, "portal", null, List.of()));

        ExportRefusedException e = assertThrows(ExportRefusedException.class,
                () -> exports.export(MANAGER, "lines", List.of(ok.id(), noIban.id(), incoming.id(), 99999L)));

        String reasons = e.reasons().stream().collect(Collectors.joining("\n"));
        assertEquals(reasons, 3, e.reasons().size());
        assertTrue(reasons, reasons.contains("partner P-2002 (Globex) has no IBAN on file"));
        assertTrue(reasons, reasons.contains("Payment " + incoming.id() + " is a receivable payment"));
        assertTrue(reasons, reasons.contains("Payment 99999 is not known"));
        assertEquals(PaymentStatus.SCHEDULED, status(ok));
        assertEquals(PaymentStatus.SCHEDULED, status(noIban));
        assertTrue(exports.recent(REVIEWER, null, 10).isEmpty());
        assertTrue(written.isEmpty());
    }

    @Test
    public void aConnectorThatFailsAfterThePaymentsWereMarkedLeavesNothingBehind() {
        Payment p = scheduled("P-1001", "10.00", "E2E-1", TODAY);
        failWrite = true;

        ExportRefusedException e = assertThrows(ExportRefusedException.class,
                () -> exports.export(MANAGER, "lines", List.of(p.id())));

        assertEquals(List.of("The debtor account is not configured."), e.reasons());
        assertEquals(1, written.size());
        Payment after = core.documents.findPayment(MANAGER, p.id()).orElseThrow();
        assertEquals(PaymentStatus.SCHEDULED, after.status());
        assertEquals(null, after.paymentOrder());
        assertTrue(exports.recent(REVIEWER, null, 10).isEmpty());
        assertTrue(core.documents.paymentHistory(MANAGER, p.id()).stream()
                .noneMatch(h -> h.action().equals("payment.sent")));

        failWrite = false;
        ExportRun run = exports.export(MANAGER, "lines", List.of(p.id()));
        assertEquals(PaymentStatus.SENT, status(p));
        assertEquals(1, run.count());
    }

    @Test
    public void onlyFinanceManagersAndIntegratorsExport() {
        Payment p = scheduled("P-1001", "10.00", "E2E-1", TODAY);
        assertThrows(AccessDeniedException.class, () -> exports.export(REVIEWER, "lines", List.of(p.id())));
        assertEquals(PaymentStatus.SCHEDULED, status(p));
    }
}
