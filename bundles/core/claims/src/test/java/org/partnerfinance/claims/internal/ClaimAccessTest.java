package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class ClaimAccessTest {

    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Caller PARTNER2 = new Caller("partner2", null, Set.of(Role.PARTNER_USER), "P-2002");
    private static final Caller PARTNER_ADMIN = new Caller("padmin", null, Set.of(Role.PARTNER_ADMIN), "P-1001");
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller INTEGRATOR = new Caller("integrator", null, Set.of(Role.INTEGRATOR), null);
    /** A misconfigured user bound to a partner but holding a finance role stays a partner user. */
    private static final Caller PARTNER_WITH_FINANCE =
            new Caller("odd", null, Set.of(Role.PARTNER_USER, Role.FINANCE_MANAGER), "P-2002");

    @Test
    public void partnerUsersReadOnlyTheirOwnPartner() {
        ClaimAccess.requireRead(PARTNER, "P-1001");
        ClaimAccess.requireRead(PARTNER_ADMIN, "P-1001");
        assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireRead(PARTNER2, "P-1001"));
        assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireRead(PARTNER, "P-2002"));
        assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireRead(PARTNER, null));
        assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireRead(PARTNER_WITH_FINANCE, "P-1001"));
        assertFalse(ClaimAccess.mayRead(PARTNER2, "P-1001"));
    }

    @Test
    public void financeReadsEveryPartner() {
        ClaimAccess.requireRead(REVIEWER, "P-1001");
        ClaimAccess.requireRead(MANAGER, "P-2002");
        ClaimAccess.requireRead(Caller.system(), "P-2002");
        assertTrue(ClaimAccess.mayRead(REVIEWER, "P-2002"));
    }

    @Test
    public void everyoneElseReadsNothing() {
        for (Caller c : new Caller[] {ADMIN, INTEGRATOR, null, new Caller("nobody", null, Set.of(), null)}) {
            assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireReader(c));
            assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireRead(c, "P-1001"));
        }
    }

    @Test
    public void onlyCompanyFinanceStaffDecide() {
        ClaimAccess.requireFinanceStaff(REVIEWER);
        ClaimAccess.requireFinanceStaff(MANAGER);
        ClaimAccess.requireFinanceStaff(Caller.system());
        for (Caller c : new Caller[] {PARTNER, PARTNER_ADMIN, PARTNER_WITH_FINANCE, ADMIN, INTEGRATOR, null}) {
            assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireFinanceStaff(c));
        }
    }

    @Test
    public void onlyFinanceManagersRecordPayments() {
        ClaimAccess.requireFinanceManager(MANAGER);
        ClaimAccess.requireFinanceManager(Caller.system());
        for (Caller c : new Caller[] {REVIEWER, PARTNER, PARTNER_WITH_FINANCE, ADMIN}) {
            assertThrows(AccessDeniedException.class, () -> ClaimAccess.requireFinanceManager(c));
        }
    }
}
