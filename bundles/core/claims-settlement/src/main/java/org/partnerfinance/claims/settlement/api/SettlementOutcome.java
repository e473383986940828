package org.partnerfinance.claims.settlement.api;

import org.partnerfinance.claims.api.Claim;

/**
 * What happened to one claim of a batch.
 *
 * @param claimId the claim
 * @param claim   the claim after the change, {@code null} when it failed
 * @param message what the person who asked reads: what was done, or why not
 */
public record SettlementOutcome(long claimId, Claim claim, String message) {

    /** Whether the change was made. */
    public boolean succeeded() {
        return claim != null;
    }
}
