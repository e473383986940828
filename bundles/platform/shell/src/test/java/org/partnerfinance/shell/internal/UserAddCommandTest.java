package org.partnerfinance.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;

public class UserAddCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Caller operator = OperatorCaller.forUser("karaf");

    /** Records what the command asks the directory for; only administrators create users, as in the real one. */
    private static final class RecordingDirectory implements UserDirectory {
        final List<String> calls = new ArrayList<>();

        @Override
        public OneTimePassword createWithOneTimePassword(Caller caller, String username, String displayName,
                Set<Role> roles, String partnerId) {
            Access.requireAnyRole(caller, Role.ADMINISTRATOR);
            if ("taken".equals(username)) {
                throw new IllegalArgumentException("The user name 'taken' is already taken.");
            }
            calls.add(caller.username() + " " + username + " " + displayName + " " + roles + " " + partnerId);
            return new OneTimePassword(new UserAccount(username, displayName == null ? username : displayName,
                    roles, partnerId, true, true, false), "abcd-efgh-jkmn-pqrs-tuvw",
                    Instant.parse("2026-03-05T08:00:00Z"));
        }

        @Override
        public LoginResult login(String username, char[] password, String sourceAddress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Caller> find(String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount create(Caller caller, String username, String displayName, char[] password,
                Set<Role> roles, String partnerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UserAccount> list(Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Caller changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount update(Caller caller, String username, String displayName, Set<Role> roles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount setEnabled(Caller caller, String username, boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OneTimePassword resetPassword(Caller caller, String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount unlock(Caller caller, String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<UserAccount> usersWithRoles(Caller caller, java.util.Set<org.partnerfinance.security.api.Role> roles,
                String partnerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<UserAccount> account(Caller caller, String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount setEmail(Caller caller, String username, String email) {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingDirectory users = new RecordingDirectory();

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void createsTheFirstAdministratorAndPrintsTheOneTimePasswordOnce() {
        UserCommands.add(users, operator, "root", "administrator", null, null, out);
        assertEquals(List.of("shell:karaf root null [ADMINISTRATOR] null"), users.calls);
        String printed = output();
        assertTrue(printed, printed.contains("User 'root' (administrator) created."));
        assertTrue(printed, printed.contains("One-time password: abcd-efgh-jkmn-pqrs-tuvw"));
        assertTrue(printed, printed.contains("works until 2026-03-05T08:00:00Z"));
        assertTrue(printed, printed.contains("must choose a new password"));
        assertEquals("printed exactly once", printed.indexOf("abcd-efgh"), printed.lastIndexOf("abcd-efgh"));
    }

    @Test
    public void partnerUsersGetTheirPartnerAndSeveralRolesAreCommaSeparated() {
        UserCommands.add(users, operator, "boss", "partner-user, partner-admin", "P-1001", "Bo Boss", out);
        assertEquals(List.of("shell:karaf boss Bo Boss [PARTNER_USER, PARTNER_ADMIN] P-1001"), users.calls);
        assertTrue(output(), output().contains("(partner-user, partner-admin, partner P-1001) created."));
        assertEquals(EnumSet.of(Role.FINANCE_MANAGER, Role.INTEGRATOR),
                UserCommands.parseRoles("finance-manager,integrator"));
    }

    @Test
    public void unknownRolesAndRefusalsAreExplainedAndPrintNoPassword() {
        refused(() -> UserCommands.add(users, operator, "x", "superuser", null, null, out), "Unknown role 'superuser'");
        refused(() -> UserCommands.add(users, operator, "x", " , ", null, null, out), "at least one role");
        refused(() -> UserCommands.add(users, operator, "taken", "integrator", null, null, out), "already taken");
        assertTrue(users.calls.isEmpty());
        assertFalse(output().contains("One-time password"));
    }

    private static void refused(Runnable r, String messagePart) {
        try {
            r.run();
            fail("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }
}
