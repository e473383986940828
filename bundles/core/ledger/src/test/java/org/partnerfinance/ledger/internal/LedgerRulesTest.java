package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.JournalLine.Side;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.UnbalancedEntryException;

public class LedgerRulesTest {

    private static final Set<String> KNOWN = Set.of(Accounts.BANK, Accounts.ACCRUED_PARTNER_CLAIMS,
            Accounts.PARTNER_EXPENSES, Accounts.MARKETING_FUNDS);
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private static JournalEntryDraft draft(JournalLine... lines) {
        return new JournalEntryDraft(DAY, "Accrual of claim CLM-000001", "claim:1", List.of(lines));
    }

    @Test
    public void balancedEntryIsPostable() {
        LedgerRules.checkPostable(draft(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("120.50", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.50", "EUR"), "P-1001")), KNOWN);
    }

    @Test
    public void unbalancedEntryIsRejectedWithTheDifference() {
        UnbalancedEntryException e = assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(draft(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("120.50", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.00", "EUR"), "P-1001")), KNOWN));
        assertTrue(e.getMessage(), e.getMessage().contains("0.50 EUR"));
    }

    @Test
    public void singleLineIsRejected() {
        assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(draft(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("10", "EUR"), null)), KNOWN));
    }

    @Test
    public void emptyEntryIsRejected() {
        assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(draft(), KNOWN));
    }

    @Test
    public void multiCurrencyEntryMustBalanceInEachCurrency() {
        LedgerRules.checkPostable(draft(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("10.00", "EUR"), null),
                JournalLine.credit(Accounts.BANK, Money.of("10.00", "EUR"), null),
                JournalLine.debit(Accounts.MARKETING_FUNDS, Money.of("1500", "JPY"), null),
                JournalLine.credit(Accounts.BANK, Money.of("1500", "JPY"), null)), KNOWN);

        // the totals balance (11.00 = 11.00) but neither currency does on its own
        assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(draft(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("10.00", "EUR"), null),
                JournalLine.credit(Accounts.BANK, Money.of("1.00", "EUR"), null),
                JournalLine.debit(Accounts.MARKETING_FUNDS, Money.of("1.00", "USD"), null),
                JournalLine.credit(Accounts.BANK, Money.of("10.00", "USD"), null)), KNOWN));
    }

    @Test
    public void zeroAndNegativeLineAmountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> JournalLine.debit(Accounts.BANK, Money.of("0.00", "EUR"), null));
        assertThrows(IllegalArgumentException.class,
                () -> JournalLine.credit(Accounts.BANK, Money.of("-5.00", "EUR"), null));
    }

    @Test
    public void unknownAccountIsRejected() {
        UnbalancedEntryException e = assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(
                draft(JournalLine.debit("9999", Money.of("1", "EUR"), null),
                        JournalLine.credit(Accounts.BANK, Money.of("1", "EUR"), null)), KNOWN));
        assertTrue(e.getMessage(), e.getMessage().contains("9999"));
    }

    @Test
    public void blankDescriptionIsRejected() {
        assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(
                new JournalEntryDraft(DAY, "  ", null, List.of(
                        JournalLine.debit(Accounts.BANK, Money.of("1", "EUR"), null),
                        JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("1", "EUR"), null))), KNOWN));
    }

    @Test
    public void reversalSwapsSidesKeepsAmountsAndSource() {
        JournalEntry posted = new JournalEntry(7, DAY, "Accrual of claim CLM-000001", "claim:1", List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("99.99", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("99.99", "EUR"), "P-1001")),
                "reviewer", Instant.parse("2025-03-14T10:00:00Z"), null);

        JournalEntryDraft reversal = LedgerRules.reversalOf(posted, DAY.plusDays(3), "  posted twice ");

        assertEquals(DAY.plusDays(3), reversal.date());
        assertEquals("Reversal of entry 7: posted twice", reversal.description());
        assertEquals("claim:1", reversal.source());
        assertEquals(List.of(
                new JournalLine(Accounts.PARTNER_EXPENSES, Side.CREDIT, Money.of("99.99", "EUR"), "P-1001"),
                new JournalLine(Accounts.ACCRUED_PARTNER_CLAIMS, Side.DEBIT, Money.of("99.99", "EUR"), "P-1001")),
                reversal.lines());
        LedgerRules.checkPostable(reversal, KNOWN);
    }

    @Test
    public void balancesAreSignedByTheAccountsNormalSide() {
        Map<String, Account> accounts = Map.of(
                Accounts.PARTNER_EXPENSES, new Account(Accounts.PARTNER_EXPENSES, "Expenses", AccountType.EXPENSE),
                Accounts.ACCRUED_PARTNER_CLAIMS,
                new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued", AccountType.LIABILITY),
                Accounts.BANK, new Account(Accounts.BANK, "Bank", AccountType.ASSET));
        List<LedgerRules.SideTotal> totals = List.of(
                // approved 100 + 20, paid 100: 20 still owed to the partner
                new LedgerRules.SideTotal(Accounts.PARTNER_EXPENSES, "EUR", Side.DEBIT, new BigDecimal("120.0000")),
                new LedgerRules.SideTotal(Accounts.ACCRUED_PARTNER_CLAIMS, "EUR", Side.CREDIT, new BigDecimal("120.0000")),
                new LedgerRules.SideTotal(Accounts.ACCRUED_PARTNER_CLAIMS, "EUR", Side.DEBIT, new BigDecimal("100.0000")),
                new LedgerRules.SideTotal(Accounts.BANK, "EUR", Side.CREDIT, new BigDecimal("100.0000")),
                // a fully settled JPY claim leaves no balance
                new LedgerRules.SideTotal(Accounts.ACCRUED_PARTNER_CLAIMS, "JPY", Side.CREDIT, new BigDecimal("500.0000")),
                new LedgerRules.SideTotal(Accounts.ACCRUED_PARTNER_CLAIMS, "JPY", Side.DEBIT, new BigDecimal("500.0000")));

        List<Balance> balances = LedgerRules.balances("P-1001", accounts, totals);

        assertEquals(List.of(
                new Balance(accounts.get(Accounts.BANK), "P-1001", Money.of("-100.00", "EUR")),
                new Balance(accounts.get(Accounts.ACCRUED_PARTNER_CLAIMS), "P-1001", Money.of("20.00", "EUR")),
                new Balance(accounts.get(Accounts.PARTNER_EXPENSES), "P-1001", Money.of("120.00", "EUR"))),
                balances);
    }

    @Test
    public void instantsAreStoredAsFixedWidthUtcText() {
        UtcInstantConverter converter = new UtcInstantConverter();
        Instant at = Instant.parse("2024-10-27T00:30:00.123456Z");
        assertEquals("2024-10-27T00:30:00.123Z", converter.convertToDatabaseColumn(at));
        assertEquals("2024-10-27T00:30:00.000Z", converter.convertToDatabaseColumn(Instant.parse("2024-10-27T00:30:00Z")));
        assertEquals(Instant.parse("2024-10-27T00:30:00.123Z"), converter.convertToEntityAttribute("2024-10-27T00:30:00.123Z"));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    // ---- trial balance, inactive accounts, reversals keep their journal and base amounts -------------------------

    private static LedgerRules.SideTotal total(String account, String currency, Side side, String sum, String base) {
        return new LedgerRules.SideTotal(account, currency, side, new BigDecimal(sum), new BigDecimal(base));
    }

    @Test
    public void trialBalanceSumsPerAccountAndCurrencyAndTotalsBalance() {
        Map<String, Account> chart = Map.of(
                Accounts.BANK, new Account(Accounts.BANK, "Bank", AccountType.ASSET),
                "4000", new Account("4000", "Sales", AccountType.INCOME),
                Accounts.FX_ROUNDING, new Account(Accounts.FX_ROUNDING, "FX rounding", AccountType.EXPENSE));
        List<LedgerRules.SideTotal> totals = List.of(
                total("4000", "USD", Side.CREDIT, "10.0000", "9.16"),
                total(Accounts.BANK, "USD", Side.DEBIT, "12.00", "10.98"),
                total(Accounts.BANK, "USD", Side.CREDIT, "2.00", "1.83"),
                total(Accounts.FX_ROUNDING, "USD", Side.DEBIT, "0", "0.01"),
                total(Accounts.BANK, "EUR", Side.DEBIT, "5", "5"),
                total("4000", "EUR", Side.CREDIT, "5", "5"));

        org.partnerfinance.ledger.api.TrialBalance tb = LedgerRules.trialBalance(DAY, Money.currency("EUR"), chart,
                totals);

        assertEquals(List.of("1000 EUR", "1000 USD", "4000 EUR", "4000 USD", "7990 USD"), tb.rows().stream()
                .map(r -> r.account().code() + " " + r.currency().getCurrencyCode()).toList());
        org.partnerfinance.ledger.api.TrialBalance.Row bankUsd = tb.rows().get(1);
        assertEquals(Money.of("12", "USD"), bankUsd.debit());
        assertEquals(Money.of("2", "USD"), bankUsd.credit());
        assertEquals(Money.of("10", "USD"), bankUsd.balance());
        assertEquals(Money.of("9.15", "EUR"), bankUsd.baseBalance());
        assertEquals(List.of(Money.of("5", "EUR"), Money.of("12", "USD")), tb.totalsByCurrency().stream()
                .map(t -> t.debit()).toList());
        assertTrue(tb.totalsByCurrency().stream().allMatch(t -> t.balance().isZero()));
        assertEquals(Money.of("15.99", "EUR"), tb.baseDebit());
        assertEquals(Money.of("15.99", "EUR"), tb.baseCredit());
        assertTrue(tb.balanced());

        // one cent missing in the base currency: not balanced
        org.partnerfinance.ledger.api.TrialBalance off = LedgerRules.trialBalance(DAY, Money.currency("EUR"), chart,
                totals.subList(0, 3));
        assertEquals(false, off.balanced());
    }

    @Test
    public void postingsToAnInactiveAccountAreRefused() {
        Map<String, Account> chart = Map.of(
                Accounts.BANK, new Account(Accounts.BANK, "Bank", AccountType.ASSET, false),
                Accounts.ACCRUED_PARTNER_CLAIMS, new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued",
                        AccountType.LIABILITY));
        UnbalancedEntryException e = assertThrows(UnbalancedEntryException.class, () -> LedgerRules.checkPostable(
                draft(JournalLine.debit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("1", "EUR"), null),
                        JournalLine.credit(Accounts.BANK, Money.of("1", "EUR"), null)), chart));
        assertEquals("Account 1000 Bank is inactive: nothing can be posted to it.", e.getMessage());
    }

    @Test
    public void aReversalKeepsTheJournalAndSwapsBaseAmounts() {
        JournalLine debit = JournalLine.debit(Accounts.BANK, Money.of("10", "USD"), null)
                .withBase(Money.of("9.15", "EUR"), new BigDecimal("0.915"));
        JournalLine credit = JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("10", "USD"), "P-1")
                .withBase(Money.of("9.15", "EUR"), new BigDecimal("0.915"));
        JournalEntry posted = new JournalEntry(7, DAY, "Payment", "claim:1", List.of(debit, credit), "reviewer",
                Instant.parse("2025-03-14T10:00:00Z"), null, org.partnerfinance.ledger.api.Journals.CASH);

        JournalEntryDraft reversal = LedgerRules.reversalOf(posted, DAY.plusMonths(1), "wrong partner");

        assertEquals(org.partnerfinance.ledger.api.Journals.CASH, reversal.journal());
        assertEquals(DAY.plusMonths(1), reversal.date());
        assertEquals(Side.CREDIT, reversal.lines().get(0).side());
        assertEquals(Money.of("9.15", "EUR"), reversal.lines().get(0).baseAmount());
        assertEquals(new BigDecimal("0.915"), reversal.lines().get(1).rate());
        assertEquals(0, FxRules.baseDifference(reversal.lines()).signum());
    }
}
