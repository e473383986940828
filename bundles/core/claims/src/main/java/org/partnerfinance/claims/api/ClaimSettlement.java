package org.partnerfinance.claims.api;

import java.time.Instant;

import org.partnerfinance.ledger.api.Money;

/**
 * The settlement of a claim as the claims core keeps it: the plan, who made it, and once settled, when and with which
 * reference (the bank's reference of a payment, the number of a credit note).
 *
 * @param claimId         the claim
 * @param partnerId       the claim's partner
 * @param claimReference  the claim's reference, e.g. {@code CLM-000042}
 * @param amount          what is settled: the accrued (approved) amount
 * @param plan            method, date and documents
 * @param scheduledBy     who scheduled it
 * @param scheduledAt     when
 * @param accrualReversed whether the claim's accrual has been reversed (it is, once a settlement document exists)
 * @param reference       the settlement reference once settled, else {@code null}
 * @param settledAt       when it was settled, else {@code null}
 */
public record ClaimSettlement(long claimId, String partnerId, String claimReference, Money amount,
        SettlementPlan plan, String scheduledBy, Instant scheduledAt, boolean accrualReversed, String reference,
        Instant settledAt) {

    /** Whether the claim is settled (PAID). */
    public boolean settled() {
        return settledAt != null;
    }

    /**
     * What the partner reads, e.g. {@code Settlement scheduled for 2026-12-31 as payment} or {@code Settled as credit
     * note CLM-000042}.
     */
    public String label() {
        if (settled()) {
            return "Settled as " + plan.method().label()
                    + (plan.documentNumber() == null ? "" : " " + plan.documentNumber());
        }
        return "Settlement scheduled for " + plan.date() + " as " + plan.method().label();
    }
}
