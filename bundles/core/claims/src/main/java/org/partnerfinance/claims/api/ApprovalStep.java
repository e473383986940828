package org.partnerfinance.claims.api;

import java.time.Instant;

/**
 * One step of a submitted claim's approval chain. The chain is chosen when the claim is submitted (by claim type and
 * amount band); the claim stays {@link ClaimStatus#SUBMITTED} until its last step approves.
 *
 * @param number     1 for the first step
 * @param role       the role that approves this step, e.g. {@code finance-reviewer}
 * @param due        when the step is due; {@code null} while an earlier step is still open
 * @param approvedBy who approved the step; {@code null} while it is open
 * @param approvedAt when it was approved
 * @param comment    the approver's comment, may be {@code null}
 */
public record ApprovalStep(int number, String role, Instant due, String approvedBy, Instant approvedAt,
        String comment) {

    /** Whether someone approved this step. */
    public boolean approved() {
        return approvedBy != null;
    }
}
