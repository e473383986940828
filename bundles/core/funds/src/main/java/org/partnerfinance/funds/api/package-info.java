/**
 * Funds and budgets of partner programmes (market development funds, co-marketing, ...): programmes and the claim
 * types they fund ({@link FundProgram}), budgets per programme and period ({@link Budget}), allocations per partner
 * with an expiry date ({@link FundAllocation}), reservations against an allocation made on pre-approval and turned
 * into approved and paid amounts by the claim that consumes them ({@link Reservation}), and the balances of every
 * bucket ({@link FundBalance}). The service is {@link FundService}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.funds.api;
