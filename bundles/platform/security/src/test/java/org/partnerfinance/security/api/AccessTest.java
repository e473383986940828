package org.partnerfinance.security.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;

/** The service-layer authorization helpers. */
public class AccessTest {

    private static final Caller PARTNER = new Caller("partner", "Partner", Set.of(Role.PARTNER_USER), "p1");
    private static final Caller PARTNER_ADMIN = new Caller("partneradmin", null,
            EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller INTEGRATOR = new Caller("integrator", null, Set.of(Role.INTEGRATOR), null);
    private static final Caller NO_ROLES = new Caller("nobody", null, Set.of(), null);

    @Test
    public void aCallerWhoMustChangeThePasswordIsRefusedEverything() {
        Caller flagged = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null, true);
        Caller partnerFlagged = new Caller("partner", null, Set.of(Role.PARTNER_USER), "p1", true);
        for (Runnable check : new Runnable[] {
            () -> Access.requireCaller(flagged),
            () -> Access.requireAnyRole(flagged, Role.ADMINISTRATOR),
            () -> Access.requirePartnerRead(flagged, "p1"),
            () -> Access.requirePartnerRead(partnerFlagged, "p1"),
            () -> Access.requireActingFor(partnerFlagged, "p1")}) {
            try {
                check.run();
                fail("a caller bound to change the password passed");
            } catch (AccessDeniedException e) {
                assertEquals(Access.PASSWORD_CHANGE_FIRST, e.getMessage());
            }
        }
        Access.requireAnyRole(new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null), Role.ADMINISTRATOR);
    }

    @Test
    public void partnerReadsOwnPartnerOnly() {
        Access.requirePartnerRead(PARTNER, "p1");
        denied(() -> Access.requirePartnerRead(PARTNER, "p2"), "This record belongs to another partner.");
        denied(() -> Access.requirePartnerRead(PARTNER, null), "This record belongs to another partner.");
    }

    @Test
    public void financeAndAdministratorsReadEveryPartner() {
        Access.requirePartnerRead(REVIEWER, "p1");
        Access.requirePartnerRead(REVIEWER, "p2");
        Access.requirePartnerRead(MANAGER, "p2");
        Access.requirePartnerRead(ADMIN, "p2");
    }

    @Test
    public void otherStaffCannotReadPartnerData() {
        denied(() -> Access.requirePartnerRead(INTEGRATOR, "p1"), "You are not allowed to see partner data.");
    }

    @Test
    public void missingOrRolelessCallerIsDenied() {
        denied(() -> Access.requirePartnerRead(null, "p1"), "Please sign in.");
        denied(() -> Access.requirePartnerRead(NO_ROLES, "p1"), "Please sign in.");
        denied(() -> Access.requireAnyRole(null, Role.ADMINISTRATOR), "Please sign in.");
        denied(() -> Access.requireFinance(null), "Please sign in.");
        denied(() -> Access.requireActingFor(null, "p1"), "Please sign in.");
    }

    @Test
    public void onlyPartnerUsersActForTheirOwnPartner() {
        Access.requireActingFor(PARTNER, "p1");
        Access.requireActingFor(PARTNER_ADMIN, "p1");
        denied(() -> Access.requireActingFor(PARTNER, "p2"), "This record belongs to another partner.");
        denied(() -> Access.requireActingFor(REVIEWER, "p1"), "Only users of a partner organisation can do this.");
        denied(() -> Access.requireActingFor(ADMIN, "p1"), "Only users of a partner organisation can do this.");
    }

    @Test
    public void financeRoleCheck() {
        Access.requireFinance(REVIEWER);
        Access.requireFinance(MANAGER);
        denied(() -> Access.requireFinance(PARTNER), "You are not allowed to do this.");
        denied(() -> Access.requireFinance(ADMIN), "You are not allowed to do this.");
    }

    @Test
    public void anyRoleCheck() {
        Access.requireAnyRole(ADMIN, Role.ADMINISTRATOR, Role.INTEGRATOR);
        Access.requireAnyRole(INTEGRATOR, Role.ADMINISTRATOR, Role.INTEGRATOR);
        denied(() -> Access.requireAnyRole(REVIEWER, Role.ADMINISTRATOR), "You are not allowed to do this.");
    }

    @Test
    public void systemCallerHoldsEveryRole() {
        Caller system = Caller.system();
        Access.requireFinance(system);
        Access.requirePartnerRead(system, "p1");
        assertEquals(EnumSet.allOf(Role.class), system.roles());
    }

    private static void denied(Runnable check, String message) {
        try {
            check.run();
            fail("expected AccessDeniedException: " + message);
        } catch (AccessDeniedException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
