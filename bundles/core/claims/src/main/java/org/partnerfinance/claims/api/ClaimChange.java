package org.partnerfinance.claims.api;

/** Notification that a claim changed; listeners re-read it with their own caller. */
public record ClaimChange(long claimId, String partnerId, ClaimStatus status) {
}
