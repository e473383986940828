package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;

public class AccrualsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private static JournalEntry entry(long id, Long reverses, JournalLine... lines) {
        return new JournalEntry(id, DAY, "entry " + id, "claim:7", List.of(lines), "reviewer", Instant.EPOCH,
                reverses);
    }

    private static JournalEntry accrual(long id, String amount) {
        return entry(id, null, JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of(amount, "EUR"), "P-1"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of(amount, "EUR"), "P-1"));
    }

    private static JournalEntry reversal(long id, long of, String amount) {
        return entry(id, of, JournalLine.debit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of(amount, "EUR"), "P-1"),
                JournalLine.credit(Accounts.PARTNER_EXPENSES, Money.of(amount, "EUR"), "P-1"));
    }

    @Test
    public void theOpenAccrualIsWhatTheApprovalAccruedNotWhatWasClaimed() {
        // a claim of 100 approved at 80: the ledger holds 80, and that is what settlement settles
        assertEquals(Money.of("80.00", "EUR"), Accruals.open(List.of(accrual(1, "80.00")),
                Accounts.ACCRUED_PARTNER_CLAIMS, EUR));
        assertEquals(Money.zero(EUR), Accruals.open(List.of(), Accounts.ACCRUED_PARTNER_CLAIMS, EUR));
    }

    @Test
    public void reversedAccrualsAreNotReversedAgainAndLeaveNothingOpen() {
        List<JournalEntry> entries = List.of(accrual(1, "80.00"), reversal(2, 1, "80.00"), accrual(3, "15.00"));
        assertEquals(Money.of("15.00", "EUR"), Accruals.open(entries, Accounts.ACCRUED_PARTNER_CLAIMS, EUR));
        assertEquals(List.of(3L), Accruals.toReverse(entries, Accounts.ACCRUED_PARTNER_CLAIMS).stream()
                .map(JournalEntry::id).toList());
    }

    @Test
    public void entriesThatDoNotTouchTheAccrualAccountAreLeftAlone() {
        JournalEntry other = entry(5, null, JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("3", "EUR"), null),
                JournalLine.credit(Accounts.BANK, Money.of("3", "EUR"), null));
        assertEquals(List.of(1L), Accruals.toReverse(List.of(accrual(1, "80.00"), other),
                Accounts.ACCRUED_PARTNER_CLAIMS).stream().map(JournalEntry::id).toList());
    }
}
