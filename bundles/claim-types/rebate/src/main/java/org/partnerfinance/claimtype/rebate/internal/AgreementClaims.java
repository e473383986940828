package org.partnerfinance.claimtype.rebate.internal;

import java.util.Optional;

import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.ledger.api.Money;

/**
 * What the rebate claim type asks the rebate service while the claims core validates a rebate claim. A service of
 * this bundle only (internal package): the claim type and the service are one deployable unit.
 */
public interface AgreementClaims {

    /** A partner's agreement and what of its earned rebate is not claimed yet (never below zero). */
    record Claimable(Agreement agreement, Money amount) {
    }

    /**
     * The partner's agreement and what is left to claim of it, read with the agreement held: its row stays locked
     * until the current unit of work ends. The claims core validates a claim in the unit of work that writes it, so a
     * second claim of the same agreement waits here until the first one is written (or rolled back) and then counts
     * it; "earned minus claimed" cannot be spent twice by claims submitted at the same moment. Outside a unit of work
     * (the form's live check) the lock lasts only as long as the read.
     *
     * @return empty when there is no such agreement or it belongs to another partner
     */
    Optional<Claimable> holdForClaim(String partnerId, long agreementId);
}
