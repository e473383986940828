package org.partnerfinance.claims.api;

import java.util.List;

/**
 * What a compliance rule sees: the draft and the partner's earlier claims (for duplicate and limit checks).
 */
public record ComplianceSubject(ClaimDraft draft, Long claimId, List<Claim> earlierClaims) {
    public ComplianceSubject {
        earlierClaims = List.copyOf(earlierClaims);
    }
}
