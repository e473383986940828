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
 *
 * APPROVED ──close (a pre-approval only: its type has no accounting rule)──▶ CLOSED
 * </pre>
 *
 * A multi-step approval chain keeps the claim SUBMITTED until its last step approves; the steps themselves are not
 * statuses. A pre-approval (e.g. an MDF request) accrues nothing, so it is never scheduled or paid: it is closed once
 * it is used up or no longer needed, and its type gives back what it held. REJECTED, WITHDRAWN, PAID and CLOSED are
 * final.
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
    PAID,
    /**
     * An approved pre-approval finished without settlement (claimed by the claim that follows it, no longer needed, or
     * its window passed), with the reason in the claim's status note.
     */
    CLOSED;

    /** Whether the lifecycle allows moving from this status to {@code next} (a step inside SUBMITTED is no move). */
    public boolean canMoveTo(ClaimStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
            case SUBMITTED -> next == APPROVED || next == REJECTED || next == RETURNED || next == WITHDRAWN;
            case RETURNED -> next == SUBMITTED || next == WITHDRAWN;
            case APPROVED -> next == SCHEDULED || next == PAID || next == CLOSED;
            case SCHEDULED -> next == PAID;
            case REJECTED, WITHDRAWN, PAID, CLOSED -> false;
        };
    }

    /** Whether no further move is possible. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == PAID || this == CLOSED;
    }
}
