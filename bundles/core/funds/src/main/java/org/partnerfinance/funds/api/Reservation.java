package org.partnerfinance.funds.api;

import java.time.Instant;
import java.util.Objects;

import org.partnerfinance.ledger.api.Money;

/**
 * Funds held for one claim (or pre-approval request) against one allocation.
 *
 * @param id           database id
 * @param allocationId the allocation it draws on
 * @param partnerId    the allocation's partner
 * @param reference    the business reference it was made for, unique, e.g. {@code claim:42} (see
 *                     {@link FundService#claimReference(long)})
 * @param reserved     the amount reserved on pre-approval
 * @param approved     the approved amount (zero before approval); at most {@code reserved}
 * @param paid         the paid amount (zero before payment); at most {@code approved}
 * @param status       where it stands
 * @param updatedAt    last change
 * @param version      optimistic-lock version
 */
public record Reservation(long id, long allocationId, String partnerId, String reference, Money reserved,
        Money approved, Money paid, ReservationStatus status, Instant updatedAt, long version) {

    public Reservation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
    }
}
