/**
 * Rebate agreements and the volumes they are earned on: agreements per partner with volume tiers
 * ({@link Agreement}, {@link Tier}), sales lines from CSV uploads and from the core's invoices, the earned rebate
 * accrued in the ledger as volumes arrive, and each agreement's standing for the partner's tier watchlist
 * ({@link RebateStanding}). The rebate claim type lets the partner claim the earned, not yet claimed amount.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.claimtype.rebate.api;
