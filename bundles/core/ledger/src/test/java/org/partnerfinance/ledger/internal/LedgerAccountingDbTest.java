package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.MissingExchangeRateException;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.PeriodClosedException;
import org.partnerfinance.ledger.api.RateImportException;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.ledger.api.UnbalancedEntryException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Chart of accounts, periods, exchange rates and reports of the ledger on the real schema: in-memory Derby here,
 * PostgreSQL in {@link LedgerAccountingDbPostgresTest}.
 */
public class LedgerAccountingDbTest {

    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Currency EUR = Money.currency("EUR");
    private static final Currency USD = Money.currency("USD");
    /** "Today" of the ledger's clock. */
    private static final LocalDate TODAY = LocalDate.of(2025, 4, 10);
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 14);

    private TestPersistence db;
    private LedgerServiceImpl ledger;
    private final List<AuditEvent> audited = new ArrayList<>();

    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    private AuditTrail recordingAudit() {
        return (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("append")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    audited.add((AuditEvent) args[0]);
                    return null;
                });
    }

    @Before
    public void setUp() {
        db = newDatabase();
        ledger = new LedgerServiceImpl(db.persistenceService().open(new PersistenceUnitSpec(LedgerServiceImpl.UNIT,
                TestPersistence.bundleOf(LedgerServiceImpl.class), LedgerServiceImpl.ENTITY_CLASSES, "db/ledger")),
                recordingAudit(), Clock.fixed(Instant.parse("2025-04-10T10:00:00Z"), ZoneOffset.UTC), EUR);
    }

    @After
    public void tearDown() {
        db.close();
    }

    private static JournalEntryDraft accrual(LocalDate date, String partnerId, String amount, String currency) {
        return new JournalEntryDraft(date, "Accrual", "claim:1", List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of(amount, currency), partnerId),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of(amount, currency), partnerId)),
                Journals.CLAIMS);
    }

    private List<String> actions() {
        return audited.stream().map(AuditEvent::action).toList();
    }

    // ---- periods ---------------------------------------------------------------------------------------------

    @Test
    public void postingIntoAClosedPeriodIsRefusedAndNothingIsStored() {
        ledger.closePeriod(MANAGER, YearMonth.of(2025, 3));
        assertFalse(ledger.isOpen(YearMonth.of(2025, 3)));
        assertTrue(ledger.isOpen(YearMonth.of(2025, 4)));

        PeriodClosedException e = assertThrows(PeriodClosedException.class,
                () -> ledger.post(REVIEWER, accrual(MARCH, "P-1001", "10", "EUR")));
        assertEquals(YearMonth.of(2025, 3), e.period());
        assertTrue(e.getMessage(), e.getMessage().contains("2025-03 is closed"));
        assertEquals(List.of(), ledger.entriesForPartner(REVIEWER, "P-1001"));
        // the month before and after are open
        ledger.post(REVIEWER, accrual(MARCH.minusMonths(1), "P-1001", "10", "EUR"));
        ledger.post(REVIEWER, accrual(TODAY, "P-1001", "10", "EUR"));
    }

    @Test
    public void reopeningNeedsAReasonAndIsAudited() {
        ledger.closePeriod(MANAGER, YearMonth.of(2025, 3));
        assertThrows(IllegalStateException.class, () -> ledger.closePeriod(MANAGER, YearMonth.of(2025, 3)));
        assertThrows(IllegalArgumentException.class, () -> ledger.reopenPeriod(MANAGER, YearMonth.of(2025, 3), " "));
        assertThrows(IllegalStateException.class, () -> ledger.reopenPeriod(MANAGER, YearMonth.of(2025, 2), "x"));
        assertThrows(AccessDeniedException.class, () -> ledger.closePeriod(REVIEWER, YearMonth.of(2025, 2)));
        assertThrows(AccessDeniedException.class,
                () -> ledger.reopenPeriod(REVIEWER, YearMonth.of(2025, 3), "late invoice"));

        ledger.reopenPeriod(MANAGER, YearMonth.of(2025, 3), " late supplier invoice ");
        ledger.post(REVIEWER, accrual(MARCH, "P-1001", "10", "EUR"));

        assertEquals("late supplier invoice", ledger.periods(REVIEWER).get(0).reason());
        assertFalse(ledger.periods(REVIEWER).get(0).closed());
        assertEquals(List.of("ledger.period-closed", "ledger.period-reopened"), actions());
        assertEquals(new AuditEvent("manager", "ledger.period-reopened", "ledger-period", "2025-03", "closed=true",
                "closed=false; reason=late supplier invoice"), audited.get(1));
    }

    @Test
    public void theReversalOfAnEntryOfAClosedPeriodIsPostedTodayInTheOpenPeriod() {
        JournalEntry march = ledger.post(REVIEWER, accrual(MARCH, "P-1001", "80", "EUR"));
        ledger.closePeriod(MANAGER, YearMonth.of(2025, 3));

        JournalEntry reversal = ledger.reverse(REVIEWER, march.id(), "approved by mistake");
        assertEquals(TODAY, reversal.date());
        assertEquals(Journals.CLAIMS, reversal.journal());
        // March still shows the original; as of today it is undone
        assertEquals(Money.of("80", "EUR"), ledger.accountBalance(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR,
                LocalDate.of(2025, 3, 31)));
        assertEquals(Money.zero(EUR), ledger.accountBalance(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR, TODAY));

        // when today's period is closed too, the reversal is refused with the period named
        JournalEntry other = ledger.post(REVIEWER, accrual(TODAY, "P-1001", "5", "EUR"));
        ledger.closePeriod(MANAGER, YearMonth.of(2025, 4));
        assertThrows(PeriodClosedException.class, () -> ledger.reverse(REVIEWER, other.id(), "mistake"));
    }

    // ---- exchange rates and base amounts ----------------------------------------------------------------------

    @Test
    public void foreignLinesStoreTheirBaseAmountWithTheLatestRateOnOrBeforeTheEntryDate() {
        ledger.setRate(REVIEWER, USD, LocalDate.of(2025, 3, 1), new BigDecimal("0.9000"));
        ledger.setRate(REVIEWER, USD, LocalDate.of(2025, 3, 15), new BigDecimal("0.95"));

        JournalEntry posted = ledger.post(REVIEWER, accrual(MARCH, "P-1001", "100", "USD"));
        JournalEntry read = ledger.entriesForSource(REVIEWER, "claim:1").get(0);
        assertEquals(posted, read);
        assertEquals(Money.of("90.00", "EUR"), read.lines().get(0).baseAmount());
        assertEquals(new BigDecimal("0.9"), read.lines().get(0).rate());
        assertEquals(Journals.CLAIMS, read.journal());

        JournalEntry later = ledger.post(REVIEWER, accrual(MARCH.plusDays(1), "P-1001", "100", "USD"));
        assertEquals(Money.of("95.00", "EUR"), later.lines().get(0).baseAmount());
        assertEquals(Money.of("0.95", "EUR").amount(), ledger.rateOn(USD, TODAY).orElseThrow().rate().setScale(2));
        assertEquals(BigDecimal.ONE, ledger.rateOn(EUR, TODAY).orElseThrow().rate());
    }

    @Test
    public void withoutARateThePostingIsRefusedNamingCurrencyAndDate() {
        ledger.setRate(REVIEWER, USD, MARCH.plusDays(1), new BigDecimal("0.9"));
        MissingExchangeRateException e = assertThrows(MissingExchangeRateException.class,
                () -> ledger.post(REVIEWER, accrual(MARCH, "P-1001", "100", "USD")));
        assertTrue(e.getMessage(), e.getMessage().contains("USD") && e.getMessage().contains("2025-03-14"));
        assertEquals(List.of(), ledger.entriesForPartner(REVIEWER, "P-1001"));
    }

    @Test
    public void roundingDifferencesArePostedToTheFxRoundingAccountAndReversedExactly() {
        ledger.setRate(REVIEWER, USD, MARCH, new BigDecimal("0.915"));
        JournalEntry posted = ledger.post(REVIEWER, new JournalEntryDraft(MARCH, "Split", "doc:7", List.of(
                JournalLine.debit(Accounts.PARTNER_RECEIVABLES, Money.of("10.00", "USD"), "P-1001"),
                JournalLine.credit("4000", Money.of("3.33", "USD"), null),
                JournalLine.credit("4000", Money.of("3.33", "USD"), null),
                JournalLine.credit("4000", Money.of("3.34", "USD"), null)), Journals.SALES));
        assertEquals(5, posted.lines().size());
        JournalLine rounding = ledger.entriesForSource(REVIEWER, "doc:7").get(0).lines().get(4);
        assertEquals(Accounts.FX_ROUNDING, rounding.accountCode());
        assertEquals(Money.zero(USD), rounding.amount());
        assertEquals(Money.of("0.01", "EUR"), rounding.baseAmount());

        // a later rate does not change the reversal: it undoes the original's base amounts
        ledger.setRate(REVIEWER, USD, TODAY, new BigDecimal("1.2"));
        ledger.reverse(REVIEWER, posted.id(), "wrong customer");
        TrialBalance tb = ledger.trialBalance(REVIEWER, TODAY);
        assertTrue(tb.balanced());
        tb.rows().forEach(r -> {
            assertTrue(r.toString(), r.balance().isZero());
            assertTrue(r.toString(), r.baseBalance().isZero());
        });
    }

    @Test
    public void ratesAreMaintainedByFinanceAndAudited() {
        ledger.setRate(REVIEWER, USD, MARCH, new BigDecimal("0.91"));
        ledger.setRate(MANAGER, USD, MARCH, new BigDecimal("0.92"));
        assertEquals(List.of(new ExchangeRate(USD, MARCH, new BigDecimal("0.92"))), ledger.rates(ADMIN, USD));
        assertEquals(List.of(
                new AuditEvent("reviewer", "ledger.rate-set", "exchange-rate", "USD 2025-03-14", "",
                        "rate=0.91; base=EUR"),
                new AuditEvent("manager", "ledger.rate-set", "exchange-rate", "USD 2025-03-14", "rate=0.91",
                        "rate=0.92; base=EUR")), audited);

        assertThrows(IllegalArgumentException.class, () -> ledger.setRate(REVIEWER, EUR, MARCH, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> ledger.setRate(REVIEWER, USD, MARCH, BigDecimal.ZERO));
        assertThrows(AccessDeniedException.class, () -> ledger.setRate(ADMIN, USD, MARCH, BigDecimal.ONE));
        assertThrows(AccessDeniedException.class, () -> ledger.setRate(PARTNER, USD, MARCH, BigDecimal.ONE));
        assertThrows(AccessDeniedException.class, () -> ledger.rates(PARTNER, null));
    }

    @Test
    public void aRatesFileIsImportedWholeOrNotAtAll() {
        RateImportException e = assertThrows(RateImportException.class, () -> ledger.importRates(REVIEWER,
                new StringReader("date,currency,rate\n2025-03-01,USD,0.92\n2025-03-01,GBP,x\n")));
        assertEquals(List.of("Line 3: the rate must be a decimal number like 0.9231: 'x'"), e.errors());
        assertEquals(List.of(), ledger.rates(REVIEWER, null));
        assertEquals(List.of(), audited);

        assertEquals(3, ledger.importRates(REVIEWER, new StringReader(
                "date,currency,rate\n2025-03-01,USD,0.92\n2025-03-01,GBP,1.19\n2025-03-02,USD,0.93\n")));
        assertEquals(3, ledger.rates(REVIEWER, null).size());
        AuditEvent summary = audited.get(audited.size() - 1);
        assertEquals("ledger.rates-imported", summary.action());
        assertTrue(summary.after(), summary.after().startsWith(
                "rates=3; currencies=GBP,USD; from=2025-03-01; to=2025-03-02; sha256="));
        assertThrows(AccessDeniedException.class,
                () -> ledger.importRates(ADMIN, new StringReader("date,currency,rate\n2025-03-01,USD,0.92\n")));
    }

    // ---- chart of accounts ------------------------------------------------------------------------------------

    @Test
    public void managersOpenRenameAndDeactivateAccounts() {
        Account opened = ledger.openAccount(MANAGER, "6300", "Co-op advertising", AccountType.EXPENSE);
        assertEquals(new Account("6300", "Co-op advertising", AccountType.EXPENSE, true), opened);
        assertThrows(IllegalArgumentException.class,
                () -> ledger.openAccount(ADMIN, "6300", "Again", AccountType.EXPENSE));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount(ADMIN, "63 00", "x", AccountType.ASSET));
        assertThrows(AccessDeniedException.class, () -> ledger.openAccount(REVIEWER, "6400", "x", AccountType.ASSET));

        ledger.renameAccount(ADMIN, "6300", "Co-op advertising funds");
        ledger.post(REVIEWER, new JournalEntryDraft(MARCH, "Ad", "x:1", List.of(
                JournalLine.debit("6300", Money.of("5", "EUR"), null),
                JournalLine.credit(Accounts.BANK, Money.of("5", "EUR"), null))));
        ledger.setAccountActive(MANAGER, "6300", false);

        UnbalancedEntryException refused = assertThrows(UnbalancedEntryException.class,
                () -> ledger.post(REVIEWER, new JournalEntryDraft(MARCH, "Ad", "x:2", List.of(
                        JournalLine.debit("6300", Money.of("5", "EUR"), null),
                        JournalLine.credit(Accounts.BANK, Money.of("5", "EUR"), null)))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("inactive"));
        // still in the chart, with its history, in the trial balance
        assertTrue(ledger.accounts().contains(
                new Account("6300", "Co-op advertising funds", AccountType.EXPENSE, false)));
        assertTrue(ledger.trialBalance(ADMIN, TODAY).rows().stream()
                .anyMatch(r -> r.account().code().equals("6300")));
        assertThrows(IllegalArgumentException.class,
                () -> ledger.setAccountActive(MANAGER, Accounts.FX_ROUNDING, false));

        assertEquals(List.of("ledger.account-opened", "ledger.account-renamed", "ledger.account-deactivated"),
                actions());
    }

    @Test
    public void contributedAccountsAreAddedOnceAndNeverChanged() {
        ledger.renameAccount(MANAGER, Accounts.MARKETING_FUNDS, "MDF (renamed by finance)");
        audited.clear();
        List<Account> opened = ledger.contribute(List.of(
                new Account("6210", "MDF events", AccountType.EXPENSE),
                new Account(Accounts.MARKETING_FUNDS, "Market development funds", AccountType.EXPENSE),
                // exists as a liability: refused, left as it is
                new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Claims", AccountType.EXPENSE)), "pf-claim-mdf");

        assertEquals(List.of(new Account("6210", "MDF events", AccountType.EXPENSE)), opened);
        assertTrue(ledger.accounts().contains(
                new Account(Accounts.MARKETING_FUNDS, "MDF (renamed by finance)", AccountType.EXPENSE)));
        assertTrue(ledger.accounts().contains(
                new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued partner claims", AccountType.LIABILITY)));
        assertEquals(List.of(new AuditEvent("system", "ledger.account-opened", "ledger-account", "6210", "",
                "name=MDF events; type=EXPENSE; active=true; contributedBy=pf-claim-mdf")), audited);
        // a second arrival of the same contribution opens nothing
        assertEquals(List.of(), ledger.contribute(List.of(new Account("6210", "MDF events", AccountType.EXPENSE)),
                "pf-claim-mdf"));
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    @Test
    public void trialBalanceAsOfADateBalancesPerCurrencyAndInTheBaseCurrency() {
        ledger.setRate(REVIEWER, USD, LocalDate.of(2025, 1, 1), new BigDecimal("0.9137"));
        ledger.post(REVIEWER, accrual(MARCH, "P-1001", "100.10", "EUR"));
        ledger.post(REVIEWER, accrual(MARCH, "P-1001", "33.33", "USD"));
        ledger.post(REVIEWER, accrual(MARCH.plusDays(1), "P-2002", "66.67", "USD"));
        ledger.post(REVIEWER, accrual(TODAY, "P-2002", "1000", "EUR"));

        TrialBalance march = ledger.trialBalance(ADMIN, MARCH);
        assertEquals(4, march.rows().size());
        assertTrue(march.balanced());
        TrialBalance.Row usdExpenses = march.rows().stream()
                .filter(r -> r.account().code().equals(Accounts.PARTNER_EXPENSES) && r.currency().equals(USD))
                .findFirst().orElseThrow();
        assertEquals(Money.of("33.33", "USD"), usdExpenses.debit());
        assertEquals(Money.of("30.45", "EUR"), usdExpenses.baseDebit()); // 33.33 * 0.9137 = 30.4536

        TrialBalance today = ledger.trialBalance(REVIEWER, TODAY);
        assertTrue(today.balanced());
        assertEquals(List.of(Money.of("1100.10", "EUR"), Money.of("100.00", "USD")),
                today.totalsByCurrency().stream().map(TrialBalance.CurrencyTotal::debit).toList());
        assertEquals(Money.of("1191.47", "EUR"), today.baseDebit()); // 1100.10 + 30.45 + 60.92
        assertEquals(today.baseDebit(), today.baseCredit());
        assertThrows(AccessDeniedException.class, () -> ledger.trialBalance(PARTNER, TODAY));
    }

    @Test
    public void partnerBalancesOfAnAccountAddUpToItsBalance() {
        ledger.post(REVIEWER, accrual(MARCH, "P-1001", "100", "EUR"));
        ledger.post(REVIEWER, accrual(MARCH, "P-2002", "40", "EUR"));
        ledger.post(REVIEWER, accrual(TODAY, "P-2002", "2", "EUR"));
        ledger.post(REVIEWER, new JournalEntryDraft(MARCH, "Paid", "claim:1", List.of(
                JournalLine.debit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("100", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.BANK, Money.of("100", "EUR"), "P-1001")), Journals.CASH));
        ledger.post(REVIEWER, new JournalEntryDraft(MARCH, "No partner", "x", List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("7", "EUR"), null),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("7", "EUR"), null))));

        assertEquals(Map.of("P-2002", Money.of("40", "EUR")),
                ledger.partnerBalances(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR, MARCH));
        assertEquals(Map.of("P-2002", Money.of("42", "EUR")),
                ledger.partnerBalances(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR, TODAY));
        assertEquals(Money.of("49", "EUR"),
                ledger.accountBalance(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR, TODAY));
        assertEquals(Money.of("-100", "EUR"), ledger.accountBalance(REVIEWER, Accounts.BANK, EUR, TODAY));
        assertEquals(Map.of(), ledger.partnerBalances(REVIEWER, Accounts.ACCRUED_PARTNER_CLAIMS, USD, TODAY));
        assertThrows(AccessDeniedException.class,
                () -> ledger.partnerBalances(PARTNER, Accounts.ACCRUED_PARTNER_CLAIMS, EUR, TODAY));
        assertThrows(IllegalArgumentException.class, () -> ledger.accountBalance(REVIEWER, "9999", EUR, TODAY));
    }
}
