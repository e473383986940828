package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;

public class UsersScreenTest {

    @Test
    public void isAnAdministrationScreenForPartnerAdministratorsAndAdministrators() {
        ScreenEntry entry = ScreenEntry.of(Fakes.declared(UsersScreen.class, Fakes.props(1, null)),
                Fakes.notCreated());
        assertEquals("admin/users", entry.path());
        assertEquals(MenuSection.ADMINISTRATION, entry.section());
        assertEquals(Set.of(Role.PARTNER_ADMIN, Role.ADMINISTRATOR), entry.roles());
    }

    @Test
    public void refusesOtherRolesEvenWhenReachedDirectly() {
        UsersScreen screen = new UsersScreen(null);
        for (Role role : List.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.INTEGRATOR)) {
            Caller caller = new Caller("u", "U", Set.of(role), role.partnerScoped() ? "P-1001" : null);
            assertThrows(AccessDeniedException.class, () -> screen.create(Fakes.context(caller)));
        }
    }

    @Test
    public void partnerAdministratorsHandOutPartnerRolesOnlyAdministratorsAll() {
        Caller partnerAdmin = new Caller("pa", "PA", Set.of(Role.PARTNER_ADMIN), "P-1001");
        Caller admin = new Caller("admin", "Admin", Set.of(Role.ADMINISTRATOR), null);
        assertEquals(List.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), UsersView.assignableRoles(partnerAdmin));
        assertEquals(Arrays.asList(Role.values()), UsersView.assignableRoles(admin));
    }
}
