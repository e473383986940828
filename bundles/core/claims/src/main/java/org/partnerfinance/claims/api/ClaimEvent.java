package org.partnerfinance.claims.api;

import java.time.Instant;

/**
 * One step in a claim's history, as recorded in the audit trail.
 *
 * @param at     when it happened
 * @param actor  user name of whoever did it ({@code system} for the platform)
 * @param action what happened, e.g. {@code claim.approved}
 * @param before state before, as text (may be empty)
 * @param after  state after, as text
 */
public record ClaimEvent(Instant at, String actor, String action, String before, String after) {
}
