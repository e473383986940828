package org.partnerfinance.claims.internal;

import java.util.List;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Segregation of duties for approval steps: nobody approves a claim of their own organisation, a claim they created,
 * edited or submitted, or two steps of one chain; and a step needs its role (a finance manager may also take a
 * reviewer's step, not the other way round).
 */
final class Segregation {

    private Segregation() {
    }

    /** @throws AccessDeniedException saying which rule forbids the caller to approve the step */
    static void requireMayApprove(Caller caller, ClaimEntity claim, ClaimStepEntity step, List<ClaimStepEntity> chain,
            List<String> editors, List<String> submitters) {
        String user = caller.username();
        String reference = claim.getReference();
        if (caller.partnerId() != null && caller.partnerId().equals(claim.getPartnerId())) {
            throw new AccessDeniedException("Claim " + reference + " belongs to your own organisation, so someone"
                    + " else has to approve it (segregation of duties).");
        }
        if (user.equals(claim.getCreatedBy()) || editors.contains(user) || submitters.contains(user)) {
            throw new AccessDeniedException("You created, edited or submitted claim " + reference
                    + ", so someone else has to approve it (segregation of duties).");
        }
        for (ClaimStepEntity other : chain) {
            if (other != step && user.equals(other.getApprovedBy())) {
                throw new AccessDeniedException("You approved step " + other.getPosition() + " of claim " + reference
                        + " already; step " + step.getPosition() + " needs a different person (segregation of duties).");
            }
        }
        if (!mayTake(caller, step.getRole())) {
            throw new AccessDeniedException("Step " + step.getPosition() + " of claim " + reference + " is for a "
                    + step.getRole() + "; you cannot approve it.");
        }
    }

    /** Whether the caller's roles cover a step of this role. */
    static boolean mayTake(Caller caller, String role) {
        if (caller.has(Role.FINANCE_MANAGER)) {
            return role.equals(Role.FINANCE_MANAGER.id()) || role.equals(Role.FINANCE_REVIEWER.id());
        }
        return caller.has(Role.FINANCE_REVIEWER) && role.equals(Role.FINANCE_REVIEWER.id());
    }
}
