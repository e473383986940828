package org.partnerfinance.claims.api;

import java.time.Instant;

/**
 * One step in a claim's history, as recorded in the audit trail.
 *
 * @param at       when it happened
 * @param actor    user name of whoever did it ({@code system} for the platform)
 * @param action   what happened, e.g. {@code claim.approved}
 * @param before   state before, as text (may be empty)
 * @param after    state after, as text
 * @param sequence the audit record's sequence number: what {@link ClaimService#proof} proves; 0 when not known
 */
public record ClaimEvent(Instant at, String actor, String action, String before, String after, long sequence) {

    /** An event without its audit record's sequence number. */
    public ClaimEvent(Instant at, String actor, String action, String before, String after) {
        this(at, actor, action, before, after, 0);
    }
}
