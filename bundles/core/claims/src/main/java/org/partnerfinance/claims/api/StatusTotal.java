package org.partnerfinance.claims.api;

import org.partnerfinance.ledger.api.Money;

/** Number and total amount of claims in one status and currency. */
public record StatusTotal(ClaimStatus status, long count, Money total) {
}
