package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.UnbalancedEntryException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** The ledger service on the real schema (Flyway script, EclipseLink) in an in-memory Derby database. */
public class LedgerServiceDbTest {

    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Caller PARTNER2 = new Caller("partner2", null, Set.of(Role.PARTNER_USER), "P-2002");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private TestPersistence db;
    private LedgerServiceImpl ledger;
    /** Audit events appended; the stand-in fails instead while {@link #auditFails} is set. */
    private final List<AuditEvent> audited = new ArrayList<>();
    private boolean auditFails;

    /** A stand-in for the audit trail that records appended events (the real one is tested in pf-audit). */
    private AuditTrail recordingAudit() {
        return (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("append")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (auditFails) {
                        throw new IllegalStateException("audit trail unavailable");
                    }
                    audited.add((AuditEvent) args[0]);
                    return null;
                });
    }

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link LedgerServiceDbPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        ledger = new LedgerServiceImpl(db.persistenceService().open(new PersistenceUnitSpec(LedgerServiceImpl.UNIT,
                TestPersistence.bundleOf(LedgerServiceImpl.class), LedgerServiceImpl.ENTITY_CLASSES, "db/ledger")),
                recordingAudit(), Clock.fixed(Instant.parse("2025-03-20T10:00:00Z"), ZoneOffset.UTC));
    }

    @After
    public void tearDown() {
        db.close();
    }

    private static JournalEntryDraft accrual(String partnerId, String amount, String currency) {
        return new JournalEntryDraft(DAY, "Accrual", "claim:1", List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of(amount, currency), partnerId),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of(amount, currency), partnerId)));
    }

    @Test
    public void chartOfAccountsIsSeeded() {
        List<Account> accounts = ledger.accounts();
        assertTrue(accounts.contains(new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued partner claims",
                AccountType.LIABILITY)));
        for (String code : List.of(Accounts.BANK, Accounts.PARTNER_RECEIVABLES, Accounts.ACCRUED_PARTNER_CLAIMS,
                Accounts.REBATES, Accounts.PARTNER_EXPENSES, Accounts.MARKETING_FUNDS)) {
            assertTrue(code, accounts.stream().anyMatch(a -> a.code().equals(code)));
        }
    }

    @Test
    public void postedEntryIsStoredWithItsLinesAndAmountsAtCurrencyScale() {
        JournalEntry posted = ledger.post(REVIEWER, accrual("P-1001", "120.5", "EUR"));
        JournalEntry read = ledger.entriesForSource(REVIEWER, "claim:1").get(0);

        assertEquals(posted.id(), read.id());
        assertEquals("reviewer", read.postedBy());
        assertEquals(Instant.parse("2025-03-20T10:00:00Z"), read.postedAt());
        // lines in the base currency (EUR) carry themselves as base amount, at rate 1
        assertEquals(List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("120.50", "EUR"), "P-1001")
                        .withBase(Money.of("120.50", "EUR"), java.math.BigDecimal.ONE),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.50", "EUR"), "P-1001")
                        .withBase(Money.of("120.50", "EUR"), java.math.BigDecimal.ONE)),
                read.lines());
        assertEquals(posted, read);
        assertEquals(org.partnerfinance.ledger.api.Journals.GENERAL, read.journal());
        assertEquals(2, read.lines().get(0).amount().amount().scale());
    }

    /** More lines than one insert statement takes (and a last statement of fewer rows): all stored, in order. */
    @Test
    public void entryWithManyLinesIsStoredWholeAndInOrder() {
        List<JournalLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 2 * PostingStore.ROWS_PER_INSERT + 3; i++) {
            lines.add(JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of(i + ".25", "EUR"),
                    i % 2 == 0 ? "P-1001" : null));
            lines.add(JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of(i + ".25", "EUR"), "P-2002"));
        }
        JournalEntry posted = ledger.post(REVIEWER, new JournalEntryDraft(DAY, "many lines", "many", lines));
        JournalEntry read = ledger.entriesForSource(REVIEWER, "many").get(0);
        assertEquals(lines.size(), read.lines().size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i).withBase(lines.get(i).amount(), java.math.BigDecimal.ONE), read.lines().get(i));
        }
        assertEquals(posted, read);
    }

    @Test
    public void invalidEntriesAreRefusedAndNothingIsStored() {
        assertThrows(UnbalancedEntryException.class, () -> ledger.post(REVIEWER, new JournalEntryDraft(DAY, "x", "s",
                List.of(JournalLine.debit(Accounts.BANK, Money.of("1", "EUR"), null),
                        JournalLine.credit("9999", Money.of("1", "EUR"), null)))));
        assertThrows(UnbalancedEntryException.class, () -> ledger.post(REVIEWER, new JournalEntryDraft(DAY, "x", "s",
                List.of(JournalLine.debit(Accounts.BANK, Money.of("2", "EUR"), null),
                        JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("1", "EUR"), null)))));
        assertEquals(List.of(), ledger.entriesForSource(REVIEWER, "s"));
    }

    @Test
    public void onlyFinanceAndTheSystemPost() {
        ledger.post(Caller.system(), accrual("P-1001", "1", "EUR"));
        assertThrows(AccessDeniedException.class, () -> ledger.post(PARTNER, accrual("P-1001", "1", "EUR")));
        assertThrows(AccessDeniedException.class, () -> ledger.post(ADMIN, accrual("P-1001", "1", "EUR")));
    }

    @Test
    public void reversalSwapsTheLinesAndCanHappenOnlyOnce() {
        JournalEntry original = ledger.post(REVIEWER, accrual("P-1001", "80", "EUR"));
        JournalEntry reversal = ledger.reverse(REVIEWER, original.id(), "approved by mistake");

        assertEquals(Long.valueOf(original.id()), reversal.reverses());
        assertEquals(LocalDate.of(2025, 3, 20), reversal.date());
        assertEquals(JournalLine.Side.CREDIT, reversal.lines().get(0).side());
        assertEquals(List.of(), ledger.balancesForPartner(REVIEWER, "P-1001"));

        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> ledger.reverse(REVIEWER, original.id(), "again"));
        assertTrue(twice.getMessage(), twice.getMessage().contains("already been reversed"));
        assertThrows(IllegalStateException.class, () -> ledger.reverse(REVIEWER, reversal.id(), "undo the undo"));
        assertThrows(IllegalArgumentException.class, () -> ledger.reverse(REVIEWER, 999, "missing"));
        assertThrows(AccessDeniedException.class, () -> ledger.reverse(PARTNER, original.id(), "mine"));

        assertEquals(List.of(new AuditEvent("reviewer", "ledger.entry-reversed", "journal-entry",
                Long.toString(original.id()), "", "reversedBy=" + reversal.id() + "; reason=approved by mistake")),
                audited);
    }

    @Test
    public void aReversalWhoseAuditRecordFailsIsNotPosted() {
        JournalEntry original = ledger.post(REVIEWER, accrual("P-1001", "80", "EUR"));
        auditFails = true;
        assertThrows(IllegalStateException.class, () -> ledger.reverse(REVIEWER, original.id(), "mistake"));
        auditFails = false;
        assertEquals(List.of(original), ledger.entriesForPartner(REVIEWER, "P-1001"));
        assertEquals(List.of(), audited);
        // and it can still be reversed properly afterwards
        ledger.reverse(REVIEWER, original.id(), "mistake");
        assertEquals(1, audited.size());
    }

    @Test
    public void balancesArePerPartnerAccountAndCurrency() {
        ledger.setRate(REVIEWER, java.util.Currency.getInstance("JPY"), DAY.minusDays(10),
                new java.math.BigDecimal("0.0062"));
        ledger.post(REVIEWER, accrual("P-1001", "100", "EUR"));
        ledger.post(REVIEWER, accrual("P-1001", "20", "EUR"));
        ledger.post(REVIEWER, accrual("P-1001", "500", "JPY"));
        ledger.post(REVIEWER, accrual("P-2002", "7", "EUR"));
        ledger.post(REVIEWER, new JournalEntryDraft(DAY, "Payment", "claim:1", List.of(
                JournalLine.debit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("100", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.BANK, Money.of("100", "EUR"), "P-1001"))));

        List<Balance> balances = ledger.balancesForPartner(PARTNER, "P-1001");
        assertEquals(List.of(
                "1000 EUR -100.00", "2150 EUR 20.00", "2150 JPY 500", "6100 EUR 120.00", "6100 JPY 500"),
                balances.stream().map(b -> b.account().code() + " " + b.amount()).toList());
    }

    @Test
    public void partnerUsersSeeOnlyTheirOwnEntriesAndBalances() {
        ledger.post(REVIEWER, accrual("P-1001", "10", "EUR"));
        ledger.post(REVIEWER, accrual("P-2002", "20", "EUR"));

        assertEquals(1, ledger.entriesForPartner(PARTNER, "P-1001").size());
        assertThrows(AccessDeniedException.class, () -> ledger.entriesForPartner(PARTNER2, "P-1001"));
        assertThrows(AccessDeniedException.class, () -> ledger.balancesForPartner(PARTNER2, "P-1001"));
        // both entries have source claim:1; partner2 sees only its own
        List<JournalEntry> bySource = ledger.entriesForSource(PARTNER2, "claim:1");
        assertEquals(1, bySource.size());
        assertTrue(bySource.get(0).lines().stream().allMatch(l -> "P-2002".equals(l.partnerId())));
        assertEquals(2, ledger.entriesForSource(ADMIN, "claim:1").size());
    }
}
