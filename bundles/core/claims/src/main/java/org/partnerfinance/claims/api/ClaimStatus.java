package org.partnerfinance.claims.api;

/**
 * A claim's lifecycle.
 *
 * <pre>
 * DRAFT ──submit──▶ SUBMITTED ──(last step approves)──▶ APPROVED ──schedule──▶ SCHEDULED ──settled──▶ PAID
 *   │                 │  ▲  │                               └────────────settled (at once)───────────────▲
 *   │                 │  │  └──reject──▶ REJECTED
 *   │     return for  ▼  │ resubmit
 *   │     information RETURNED
 *   └──withdraw (partner, any time before approval: DRAFT, SUBMITTED, RETURNED)──▶ WITHDRAWN
 * </pre>
 *
 * A multi-step approval chain keeps the claim SUBMITTED until its last step approves; the steps themselves are not
 * statuses. REJECTED, WITHDRAWN and PAID are final.
 */
public enum ClaimStatus {
    DRAFT, SUBMITTED,
    /** Returned by a reviewer with a question; the partner edits and resubmits. */
    RETURNED,
    /** Fully or partially approved; the accrual is posted. */
    APPROVED, REJECTED,
    /** Withdrawn by the partner before approval. */
    WITHDRAWN,
    /** Approved and planned for settlement (credit note or payment) on a date the partner can see. */
    SCHEDULED,
    /** Settled: credited, or paid and confirmed. */
    PAID;

    /** Whether the lifecycle allows moving from this status to {@code next} (a step inside SUBMITTED is no move). */
    public boolean canMoveTo(ClaimStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
            case SUBMITTED -> next == APPROVED || next == REJECTED || next == RETURNED || next == WITHDRAWN;
            case RETURNED -> next == SUBMITTED || next == WITHDRAWN;
            case APPROVED -> next == SCHEDULED || next == PAID;
            case SCHEDULED -> next == PAID;
            case REJECTED, WITHDRAWN, PAID -> false;
        };
    }

    /** Whether no further move is possible. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == PAID;
    }
}
