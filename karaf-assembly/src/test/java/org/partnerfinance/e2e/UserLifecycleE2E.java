package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The user lifecycle in a browser: whoever signs in with a one-time password from {@code pf:user-add} must choose a
 * new password before anything else; a partner administrator disables a user whose open browser is then signed out
 * within seconds (the open UI re-reads its user and is pushed to the sign-in page).
 */
public class UserLifecycleE2E {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    private static final Pattern ONE_TIME = Pattern.compile("One-time password: (\\S+)");
    private static final String PARTNER = "P-1001";

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Creates the user in the Karaf console and returns the printed one-time password. */
    private static String userAdd(String username, String role, String partner) throws IOException {
        String output = PORTAL.distribution().shell("pf:user-add " + username + " " + role
                + (partner == null ? "" : " " + partner));
        Matcher m = ONE_TIME.matcher(output);
        assertTrue("pf:user-add output:\n" + output, m.find());
        return m.group(1);
    }

    /** Partner users need an existing partner: the demo feature brings P-1001. */
    private static void ensurePartner() throws IOException {
        KarafDistribution karaf = PORTAL.distribution();
        if (!karaf.shell("feature:list -i").contains("pf-demo ")) {
            karaf.shell("feature:install pf-demo");
        }
    }

    private static String userAddPartnerUser(String username, String role) throws IOException {
        Deadline deadline = Deadline.in(Duration.ofMinutes(2));
        while (true) {
            try {
                return userAdd(username, role, PARTNER);
            } catch (IOException | AssertionError e) {
                // the demo data (and with it the partner) may still be on its way
                if (deadline.passed()) {
                    throw e;
                }
                deadline.pause("partner " + PARTNER + " to exist");
            }
        }
    }

    private Page signInWithOneTimePassword(String label, String username, String oneTime) {
        BrowserContext context = sessions.newContext(label);
        Page page = context.newPage();
        page.navigate(PORTAL.baseUrl() + "/login");
        page.locator("#login-username input").fill(username);
        page.locator("#login-password input").fill(oneTime);
        page.locator("#login-submit").click();
        page.locator("#password-title").waitFor();
        return page;
    }

    private static void chooseNewPassword(Page page, String oneTime, String chosen) {
        page.locator("#password-current input").fill(oneTime);
        page.locator("#password-new input").fill(chosen);
        page.locator("#password-repeat input").fill(chosen);
        page.locator("#password-save").click();
        page.locator("#dashboard").waitFor();
    }

    @Test
    public void firstSignInWithAOneTimePasswordForcesANewPassword() throws IOException {
        String username = unique("e2e-admin");
        String oneTime = userAdd(username, "administrator", null);
        Page page = signInWithOneTimePassword("first-admin", username, oneTime);
        assertThat(page.locator("#password-cancel")).isHidden();
        assertThat(page.locator("#main-menu")).hasCount(0);

        // every other route leads back to the password view
        page.navigate(PORTAL.baseUrl() + "/");
        page.locator("#password-title").waitFor();
        page.navigate(PORTAL.baseUrl() + "/admin/users");
        page.locator("#password-title").waitFor();
        assertThat(page.locator("#users-grid")).hasCount(0);

        // the policy speaks before anything is saved
        page.locator("#password-current input").fill(oneTime);
        page.locator("#password-new input").fill("too-short");
        page.locator("#password-repeat input").fill("too-short");
        page.locator("#password-save").click();
        assertThat(page.locator("#password-error")).containsText("at least 12 characters");

        String chosen = "silver-canyon-breeze-7";
        chooseNewPassword(page, oneTime, chosen);
        assertThat(page.locator("#nav-admin-users")).isVisible();

        page.locator("#logout").click();
        page.locator("#login-username").waitFor();
        page.locator("#login-username input").fill(username);
        page.locator("#login-password input").fill(oneTime);
        page.locator("#login-submit").click();
        assertThat(page.locator("#login-error")).containsText("Wrong user name or password");
        page.locator("#login-password input").fill(chosen);
        page.locator("#login-submit").click();
        page.locator("#dashboard").waitFor();
    }

    @Test
    public void aPartnerAdministratorDisablesAUserWhoseOpenBrowserIsSignedOut() throws IOException {
        ensurePartner();
        String adminName = unique("e2e-padmin");
        String userName = unique("e2e-puser");
        String adminOtp = userAddPartnerUser(adminName, "partner-admin");
        String userOtp = userAdd(userName, "partner-user", PARTNER);

        Page user = signInWithOneTimePassword("partner-user", userName, userOtp);
        chooseNewPassword(user, userOtp, "amber-valley-harbour-3");
        Page admin = signInWithOneTimePassword("partner-admin", adminName, adminOtp);
        chooseNewPassword(admin, adminOtp, "cobalt-river-meadow-9");

        admin.locator("#nav-admin-users").click();
        admin.locator("#users-grid").waitFor();
        admin.locator("#user-disable-" + userName).click();
        assertThat(admin.locator("#user-status-" + userName)).containsText("Disabled");

        // the partner user did nothing: the open page is signed out by the server
        assertThat(user.locator("#login-error")).containsText("Your account was disabled");
        user.navigate(PORTAL.baseUrl() + "/");
        user.locator("#login-username").waitFor();
    }
}
