package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;

/**
 * The user lifecycle in the running distribution: the first administrator comes from {@code pf:user-add} with a
 * one-time password that forces a new one; a disabled user is refused; sign-ins are throttled by source address. The
 * tests create their own users (no demo data needed) with unique names, so they do not depend on each other.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class UsersIT extends PfTestSupport {

    private static final Pattern ONE_TIME = Pattern.compile("One-time password: (\\S+)");
    private static final char[] CHOSEN = "quiet-orchard-lantern-42".toCharArray();

    private UserDirectory users;

    @Before
    public void directory() {
        users = getService(UserDirectory.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    public void theFirstAdministratorFromTheConsoleMustChooseANewPassword() {
        waitForCommand("pf:user-add");
        String name = unique("first-admin");
        String output = executeCommand("pf:user-add " + name + " administrator");
        Matcher m = ONE_TIME.matcher(output);
        assertTrue("pf:user-add output:\n" + output, m.find());
        char[] oneTime = m.group(1).toCharArray();
        assertTrue("at least 16 characters: " + m.group(1), oneTime.length >= 16);

        LoginResult first = users.login(name, oneTime, "192.0.2.10");
        assertTrue(first.message(), first.succeeded());
        Caller flagged = first.caller().orElseThrow();
        assertTrue(flagged.mustChangePassword());
        assertEquals(Set.of(Role.ADMINISTRATOR), flagged.roles());
        try {
            users.list(flagged);
            fail("a caller who must change the password was allowed to list users");
        } catch (AccessDeniedException expected) {
            // nothing before the new password
        }

        Caller changed = users.changeOwnPassword(flagged, oneTime, CHOSEN);
        assertFalse(changed.mustChangePassword());
        assertTrue("the administrator works now",
                users.list(changed).stream().anyMatch(a -> a.username().equals(name)));
        assertFalse("the one-time password is used up", users.login(name, oneTime, "192.0.2.10").succeeded());
        LoginResult again = users.login(name, CHOSEN, "192.0.2.10");
        assertTrue(again.message(), again.succeeded());
        assertFalse(again.caller().orElseThrow().mustChangePassword());
    }

    @Test
    public void aDisabledUserIsRefused() {
        String name = unique("reviewer");
        OneTimePassword otp = users.createWithOneTimePassword(Caller.system(), name, "Rita Reviewer",
                Set.of(Role.FINANCE_REVIEWER), null);
        Caller caller = users.login(name, otp.password().toCharArray(), "192.0.2.11").caller().orElseThrow();
        caller = users.changeOwnPassword(caller, otp.password().toCharArray(), CHOSEN);
        assertTrue(users.find(name).isPresent());

        users.setEnabled(Caller.system(), name, false);
        assertTrue("open sessions re-read the user and end", users.find(name).isEmpty());
        LoginResult refused = users.login(name, CHOSEN, "192.0.2.11");
        assertFalse(refused.succeeded());
        assertTrue(refused.message(), refused.message().contains("disabled"));
        Caller stale = caller;
        try {
            users.changeOwnPassword(stale, CHOSEN, "another-long-password".toCharArray());
            fail("a disabled user changed their password");
        } catch (AccessDeniedException expected) {
            // refused
        }
    }

    @Test
    public void manyFailuresFromOneAddressThrottleItForEveryUserName() {
        String name = unique("integrator");
        users.create(Caller.system(), name, null, CHOSEN, Set.of(Role.INTEGRATOR), null);
        String attacker = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        LoginResult last = null;
        for (int i = 0; i < 20; i++) {
            last = users.login(unique("guess"), "wrong-password-x".toCharArray(), attacker);
        }
        assertEquals(LoginResult.Status.THROTTLED, last.status());
        LoginResult fromAttacker = users.login(name, CHOSEN, attacker);
        assertEquals("even the right password is refused from that address", LoginResult.Status.THROTTLED,
                fromAttacker.status());
        assertTrue(users.login(name, CHOSEN, "198.51.100.20").succeeded());
    }
}
