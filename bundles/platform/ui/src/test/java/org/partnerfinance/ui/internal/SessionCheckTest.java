package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.ui.internal.SessionCheck.Outcome;

public class SessionCheckTest {

    private static final Caller PARTNER = new Caller("pat", "Pat", Set.of(Role.PARTNER_USER), "P-1001");

    @Test
    public void aDisabledOrDeletedUsersSessionEnds() {
        assertEquals(Outcome.ENDED, SessionCheck.compare(PARTNER, Optional.empty()));
    }

    @Test
    public void anUnchangedRecordKeepsTheSession() {
        assertEquals(Outcome.UNCHANGED, SessionCheck.compare(PARTNER,
                Optional.of(new Caller("pat", "Pat", Set.of(Role.PARTNER_USER), "P-1001"))));
    }

    @Test
    public void changedRolesNameOrPendingPasswordChangeReplaceTheCaller() {
        assertEquals(Outcome.CHANGED, SessionCheck.compare(PARTNER, Optional.of(
                new Caller("pat", "Pat", EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "P-1001"))));
        assertEquals(Outcome.CHANGED, SessionCheck.compare(PARTNER,
                Optional.of(new Caller("pat", "Patricia", Set.of(Role.PARTNER_USER), "P-1001"))));
        assertEquals(Outcome.CHANGED, SessionCheck.compare(PARTNER,
                Optional.of(new Caller("pat", "Pat", Set.of(Role.PARTNER_USER), "P-1001", true))));
    }

    /** An open UI of one user that records what the shell's periodic check told it. */
    private static final class UserView implements OpenView {
        final String user;
        final List<Optional<Caller>> checked = new ArrayList<>();
        boolean alive = true;

        UserView(String user) {
            this.user = user;
        }

        @Override
        public boolean shellChanged(RouteDiff diff) {
            return alive;
        }

        @Override
        public String username() {
            return user;
        }

        @Override
        public boolean userChecked(Optional<Caller> stored) {
            checked.add(stored);
            return alive;
        }
    }

    @Test
    public void theShellRereadsEachUserOnceAndTellsAllTheirViews() {
        Map<String, Caller> stored = new HashMap<>();
        stored.put("pat", PARTNER);
        List<String> lookups = new ArrayList<>();
        PortalShell shell = new PortalShell(new Fakes.Toggles(), new LookupOnlyDirectory(name -> {
            lookups.add(name);
            return Optional.ofNullable(stored.get(name));
        }), null);
        UserView tab1 = new UserView("pat");
        UserView tab2 = new UserView("pat");
        UserView other = new UserView("ann");
        shell.register(tab1);
        shell.register(tab2);
        shell.register(other);
        shell.register(new Fakes.View());

        shell.checkUsers();
        assertEquals("one query per user", 2, lookups.size());
        assertTrue(lookups.containsAll(List.of("pat", "ann")));
        assertEquals(List.of(Optional.of(PARTNER)), tab1.checked);
        assertEquals(List.of(Optional.of(PARTNER)), tab2.checked);
        assertEquals("ann is gone (disabled)", List.of(Optional.empty()), other.checked);

        other.alive = false;
        shell.checkUsers();
        assertEquals("a closed view is forgotten", 3, shell.openViews());
        shell.checkUsers();
        assertEquals(2, other.checked.size());
        assertFalse(tab1.checked.isEmpty());
    }

    @Test
    public void theUsersStatusShowsLockAndOneTimePassword() {
        assertEquals("Active", UsersView.statusText(new UserAccount("a", "A", Set.of(Role.INTEGRATOR), null, true)));
        assertEquals("Disabled · Locked · One-time password", UsersView.statusText(
                new UserAccount("a", "A", Set.of(Role.INTEGRATOR), null, false, true, true)));
        assertEquals(Role.PARTNER_ADMIN, UsersView.mainRole(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN)));
        assertEquals(Set.of(Role.PARTNER_ADMIN), UsersView.rolesFor(Role.PARTNER_ADMIN));
        assertEquals(Set.of(), UsersView.rolesFor(null));
    }
}
