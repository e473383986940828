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
}
