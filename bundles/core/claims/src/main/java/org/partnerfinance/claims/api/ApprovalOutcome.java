package org.partnerfinance.claims.api;

/**
 * What mass approval ({@link ClaimService#approveAll}) did with one selected claim: each claim has its own outcome.
 *
 * @param claimId   the claim
 * @param claim     the claim after the approval, {@code null} when it failed (or cannot be read)
 * @param succeeded whether the step was approved
 * @param message   why it failed, in words for the reviewer; {@code null} on success
 */
public record ApprovalOutcome(long claimId, Claim claim, boolean succeeded, String message) {
}
