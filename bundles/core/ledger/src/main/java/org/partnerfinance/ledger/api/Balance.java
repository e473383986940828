package org.partnerfinance.ledger.api;

/**
 * Balance of an account for one partner in one currency, signed by the account's normal side (a liability owed to the
 * partner is positive).
 */
public record Balance(Account account, String partnerId, Money amount) {
}
