package org.partnerfinance.claims.api;

import org.partnerfinance.ledger.api.Money;

/**
 * What an approved claim has accrued in the ledger and the accounts it accrued to: the amount still standing on the
 * accrual account for the claim (the approved amount, partial approvals included), which settlement reverses.
 *
 * @param claimId the claim
 * @param amount  the accrual still open, in the claim's currency
 * @param rule    the claim type's accounting rule stored at approval
 */
public record ClaimAccrual(long claimId, Money amount, AccountingRule rule) {
}
