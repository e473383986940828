/**
 * The double-entry ledger: money ({@link Money}), the chart of accounts, balanced and immutable journal entries, and
 * balances by partner, account and currency.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.ledger.api;
