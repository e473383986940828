package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;

public class ConnectorsScreenTest {

    @Test
    public void isAnIntegrationScreenForIntegratorsAndAdministrators() {
        ScreenEntry entry = ScreenEntry.of(Fakes.declared(ConnectorsScreen.class, Fakes.props(1, null)),
                Fakes.notCreated());
        assertEquals("integration/connectors", entry.path());
        assertEquals(MenuSection.INTEGRATION, entry.section());
        assertEquals(Set.of(Role.INTEGRATOR, Role.ADMINISTRATOR), entry.roles());
    }

    @Test
    public void refusesOtherRolesEvenWhenReachedDirectly() {
        ConnectorsScreen screen = new ConnectorsScreen(null, null);
        for (Role role : List.of(Role.PARTNER_USER, Role.PARTNER_ADMIN, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER)) {
            Caller caller = new Caller("u", "U", Set.of(role), role.partnerScoped() ? "P-1001" : null);
            assertThrows(AccessDeniedException.class, () -> screen.create(Fakes.context(caller)));
        }
    }
}
