package org.partnerfinance.claims.api;

/** Lifecycle: DRAFT → SUBMITTED → APPROVED | REJECTED; APPROVED → PAID. */
public enum ClaimStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, PAID;

    /** Whether the lifecycle allows moving from this status to {@code next}. */
    public boolean canMoveTo(ClaimStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED;
            case SUBMITTED -> next == APPROVED || next == REJECTED;
            case APPROVED -> next == PAID;
            case REJECTED, PAID -> false;
        };
    }
}
