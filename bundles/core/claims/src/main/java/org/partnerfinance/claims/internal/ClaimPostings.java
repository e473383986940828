package org.partnerfinance.claims.internal;

import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.Money;

/**
 * The journal entries of a claim's life: on approval the eligible amount is accrued (debit the type's expense account,
 * credit the accrual account); on payment the accrual is settled (debit the accrual account, credit the settlement
 * account). Every line names the partner; the source is {@code claim:<id>}; the journal is {@link Journals#CLAIMS}.
 */
final class ClaimPostings {

    private ClaimPostings() {
    }

    static String source(long claimId) {
        return "claim:" + claimId;
    }

    static JournalEntryDraft accrual(ClaimEntity claim, LocalDate date) {
        AccountingRule rule = requireRule(claim);
        Money amount = claim.accruedAmount();
        String description = "Accrual of claim " + claim.getReference() + " (" + claim.getTypeName() + ")";
        return new JournalEntryDraft(date, description, source(claim.getId()), List.of(
                JournalLine.debit(rule.expenseAccount(), amount, claim.getPartnerId()),
                JournalLine.credit(rule.accrualAccount(), amount, claim.getPartnerId())), Journals.CLAIMS);
    }

    static JournalEntryDraft settlement(ClaimEntity claim, LocalDate date) {
        AccountingRule rule = requireRule(claim);
        Money amount = claim.accruedAmount();
        String description = "Payment of claim " + claim.getReference() + ", reference " + claim.getPaymentReference();
        return new JournalEntryDraft(date, description, source(claim.getId()), List.of(
                JournalLine.debit(rule.accrualAccount(), amount, claim.getPartnerId()),
                JournalLine.credit(rule.settlementAccount(), amount, claim.getPartnerId())), Journals.CLAIMS);
    }

    private static AccountingRule requireRule(ClaimEntity claim) {
        AccountingRule rule = claim.accountingRule();
        if (rule == null) {
            throw new IllegalStateException(
                    "Claim " + claim.getReference() + " has no accounting rule: it was never approved.");
        }
        return rule;
    }
}
