package org.partnerfinance.ledger.api;

/** An account of the chart of accounts, e.g. {@code 2150 Accrued partner claims}. */
public record Account(String code, String name, AccountType type) {
}
