package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The camt tables (migration camt/V1) on a real database: queued entries with their suggestions, idempotent
 * recording, dismissal with a reason, optimistic locking and roles. Matching and splitting, which confirm payments,
 * need the documents service: CamtSplitDbTest and CamtIT.
 */
public class CamtBookDbTest {

    static final Caller FINANCE = new Caller("fin", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final Caller IMPORTER = new Caller("shell:op", null, Set.of(Role.INTEGRATOR), null);

    private TestPersistence db;
    private Jpa jpa;
    private CamtBook book;
    private ReconciliationQueueImpl queue;
    private final List<AuditEvent> audited = new ArrayList<>();

    protected TestPersistence database() {
        return TestPersistence.inMemory();
    }

    @Before
    public void open() {
        db = database();
        // a unit without entities (the bundle works with JDBC on the unit's connection), scripts beside CamtBook
        jpa = db.persistenceService().open(new PersistenceUnitSpec(CamtBook.UNIT, TestPersistence.bundleOf(
                CamtBook.class), List.of(), "db/camt"));
        AuditTrail audit = (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        audited.add((AuditEvent) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DocumentService documents = (DocumentService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DocumentService.class}, (proxy, method, args) -> {
                    throw new AssertionError("no payment is confirmed in this test: " + method.getName());
                });
        PartnerService partners = (PartnerService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerService.class}, (proxy, method, args) -> {
                    throw new AssertionError("no partner is read in this test: " + method.getName());
                });
        book = new CamtBook(jpa, db.unitOfWork(), audit, documents, partners, Clock.systemUTC());
        queue = new ReconciliationQueueImpl(book);
    }

    @After
    public void close() {
        if (jpa != null) {
            jpa.close();
        }
        db.close();
    }

    private static BankEntry entry(String ref, String amount, String remittance) {
        return new BankEntry("camt.053", "001.08", "MSG-1", "STMT-1", "DE89370400440532013000", 1, 0,
                new BigDecimal(amount), "EUR", true, false, "BOOK", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 3), ref, null, "Nordwind AG", "DE02120300000000202051", null, remittance);
    }

    private long settle(BankEntry entry, EntryMatcher matcher) {
        return db.unitOfWork().required(() -> book.settle(IMPORTER, entry, matcher)).id();
    }

    @Test
    public void anEntryNothingMatchesIsQueuedOnceWithItsSuggestions() {
        OpenItem doc = new OpenItem(SuggestionKind.DOCUMENT, 42, 1, "P-1", "Südhafen KG", Direction.RECEIVABLE,
                new BigDecimal("119.00"), "EUR", null, null, List.of("INV-9"), List.of(42L), "Südhafen · INV-9");
        EntryMatcher matcher = new EntryMatcher(List.of(), List.of(doc));
        long id = settle(entry("REF-1", "119.00", "see our mail"), matcher);
        assertEquals("recorded once", id, settle(entry("REF-1", "119.00", "see our mail"), matcher));
        long other = settle(entry("REF-2", "5.00", "fee"), matcher);

        List<BankEntryView> open = queue.open(FINANCE, 10);
        assertEquals(2, open.size());
        BankEntryView view = queue.find(FINANCE, id).orElseThrow();
        assertEquals(EntryStatus.OPEN, view.status());
        assertEquals("REF-1", view.bankReference());
        assertEquals(LocalDate.of(2026, 11, 2), view.bookingDate());
        assertEquals(LocalDate.of(2026, 11, 3), view.valueDate());
        assertEquals(0, new BigDecimal("119.00").compareTo(view.amount().amount()));
        assertEquals("Nordwind AG", view.counterpartyName());
        assertEquals("see our mail", view.remittance());
        assertEquals(1, view.suggestions().size());
        assertEquals(42L, view.suggestions().get(0).targetId());
        assertEquals(30, view.suggestions().get(0).score());
        assertTrue(queue.find(FINANCE, other).orElseThrow().suggestions().isEmpty());
        assertEquals(2, audited.stream().filter(a -> a.action().equals("camt.entry-queued")).count());
        assertEquals("shell:op", audited.get(0).actor());
    }

    @Test
    public void financeDismissesWithAReasonOnceAndOnTheVersionItSaw() {
        long id = settle(entry("REF-3", "7.50", "charges"), new EntryMatcher(List.of(), List.of()));
        BankEntryView view = queue.find(FINANCE, id).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> queue.dismiss(FINANCE, id, view.version(), " "));
        assertThrows(ConcurrentChangeException.class, () -> queue.dismiss(FINANCE, id, view.version() + 1, "x"));
        assertThrows(AccessDeniedException.class, () -> queue.dismiss(IMPORTER, id, view.version(), "x"));
        assertThrows(AccessDeniedException.class, () -> queue.open(new Caller("p", null, Set.of(Role.PARTNER_USER),
                "P-1"), 10));

        BankEntryView dismissed = queue.dismiss(FINANCE, id, view.version(), "bank charges");
        assertEquals(EntryStatus.DISMISSED, dismissed.status());
        assertEquals("bank charges", dismissed.resolution());
        assertEquals("fin", dismissed.resolvedBy());
        assertEquals(view.version() + 1, dismissed.version());
        assertTrue(queue.open(FINANCE, 10).isEmpty());
        assertEquals(1, queue.recent(FINANCE, 10).size());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> queue.dismiss(FINANCE, id, dismissed.version(), "again"));
        assertTrue(again.getMessage(), again.getMessage().contains("dismissed already"));
        assertTrue(audited.stream().anyMatch(a -> a.action().equals("camt.entry-dismissed")
                && a.actor().equals("fin") && a.after().contains("bank charges")));
    }
}
