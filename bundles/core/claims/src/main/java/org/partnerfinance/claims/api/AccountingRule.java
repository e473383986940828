package org.partnerfinance.claims.api;

/**
 * How a claim type is accounted for: on approval the eligible amount is debited to {@code expenseAccount} and credited
 * to {@code accrualAccount}; on payment the accrual is debited and {@code settlementAccount} (usually the bank) credited.
 */
public record AccountingRule(String expenseAccount, String accrualAccount, String settlementAccount) {
}
