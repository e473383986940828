package org.partnerfinance.claims.internal;

import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Who may read and decide claims. Users of a partner organisation read their own partner's claims only; finance
 * reviewers and managers read all and decide; anyone else (administrators, integrators) sees no claims. A caller bound
 * to a partner is treated as a partner user whatever other roles it holds.
 */
final class ClaimAccess {

    private ClaimAccess() {
    }

    /** Requires a caller who may read some claims. */
    static void requireReader(Caller caller) {
        if (caller != null && caller.isPartner()) {
            if (!caller.hasAny(Role.PARTNER_USER, Role.PARTNER_ADMIN)) {
                throw new AccessDeniedException("You are not allowed to see claims.");
            }
            return;
        }
        Access.requireFinance(caller);
    }

    /** Whether a caller who passed {@link #requireReader} may read claims of this partner. */
    static boolean mayRead(Caller caller, String partnerId) {
        return caller.isPartner() ? caller.partnerId().equals(partnerId) : caller.isFinance();
    }

    /** Requires that the caller may read claims of this partner. */
    static void requireRead(Caller caller, String partnerId) {
        requireReader(caller);
        if (!mayRead(caller, partnerId)) {
            throw new AccessDeniedException("These claims belong to another partner.");
        }
    }

    /** Requires a finance reviewer or manager of the company. */
    static void requireFinanceStaff(Caller caller) {
        requireCompanyStaff(caller);
        Access.requireFinance(caller);
    }

    /** Requires a finance manager of the company. */
    static void requireFinanceManager(Caller caller) {
        requireCompanyStaff(caller);
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
    }

    private static void requireCompanyStaff(Caller caller) {
        if (caller != null && caller.isPartner()) {
            throw new AccessDeniedException("Only the finance team can do this.");
        }
    }
}
