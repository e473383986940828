package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;

public class ClaimPostingsTest {

    private static final AccountingRule RULE =
            new AccountingRule(Accounts.PARTNER_EXPENSES, Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    private static ClaimEntity approved() {
        ClaimEntity claim = TestClaims.entity(42, "P-1001", "150.00", "120.50");
        claim.submit(TestClaims.NOW, Money.of("120.50", "EUR"));
        claim.approve("reviewer", TestClaims.NOW, null, RULE);
        return claim;
    }

    @Test
    public void accrualDebitsTheExpenseAndCreditsTheAccrualForTheEligibleAmount() {
        JournalEntryDraft accrual = ClaimPostings.accrual(approved(), TestClaims.DAY.plusDays(1));

        accrual.validate();
        assertEquals("claim:42", accrual.source());
        assertEquals(TestClaims.DAY.plusDays(1), accrual.date());
        assertEquals(List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("120.50", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.50", "EUR"), "P-1001")),
                accrual.lines());
    }

    @Test
    public void settlementClearsTheAccrualAgainstTheSettlementAccount() {
        ClaimEntity claim = approved();
        claim.markPaid(TestClaims.NOW, "PAY-0001");
        JournalEntryDraft settlement = ClaimPostings.settlement(claim, TestClaims.DAY.plusDays(9));

        settlement.validate();
        assertEquals("claim:42", settlement.source());
        assertEquals(List.of(
                JournalLine.debit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.50", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.BANK, Money.of("120.50", "EUR"), "P-1001")),
                settlement.lines());
    }

    @Test
    public void accrualAndSettlementTogetherLeaveNothingAccrued() {
        ClaimEntity claim = approved();
        JournalEntryDraft accrual = ClaimPostings.accrual(claim, TestClaims.DAY);
        claim.markPaid(TestClaims.NOW, "PAY-0001");
        JournalEntryDraft settlement = ClaimPostings.settlement(claim, TestClaims.DAY);
        Money accrued = Money.zero(Money.currency("EUR"));
        for (JournalEntryDraft entry : List.of(accrual, settlement)) {
            for (JournalLine line : entry.lines()) {
                if (line.accountCode().equals(Accounts.ACCRUED_PARTNER_CLAIMS)) {
                    accrued = accrued.plus(line.signed());
                }
            }
        }
        assertEquals(Money.of("0", "EUR"), accrued);
    }

    @Test
    public void claimsThatWereNeverApprovedHaveNoPostings() {
        ClaimEntity draft = TestClaims.entity(1, "P-1001", "10", "10");
        assertThrows(IllegalStateException.class, () -> ClaimPostings.accrual(draft, TestClaims.DAY));
    }
}
