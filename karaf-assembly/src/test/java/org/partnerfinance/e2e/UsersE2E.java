package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;

/**
 * A partner administrator manages the users of their own organisation: adds one, sees a clear message for an invalid
 * user name, and the new user signs in with the partner's menu. Partner users have no Users screen.
 */
public class UsersE2E {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void partnerAdministratorAddsAUserOfTheirPartnerWhoCanSignIn() {
        String username = "e2e-" + Long.toString(System.nanoTime(), 36);
        Page admin = sessions.signIn("partneradmin");
        admin.locator("#nav-admin-users").click();
        admin.locator("#users-grid").waitFor();
        assertThat(admin.locator("#user-partner input")).hasValue("P-1001");

        admin.locator("#user-username input").fill("Not Valid!");
        admin.locator("#user-name input").fill("Somebody");
        admin.locator("#user-password input").fill(PortalBrowser.DEMO_PASSWORD);
        admin.locator("#user-add").click();
        assertThat(admin.locator("#user-error")).containsText("User names have 2 to 64 characters");

        admin.locator("#user-username input").fill(username);
        admin.locator("#user-name input").fill("Erin Example");
        admin.locator("#user-password input").fill(PortalBrowser.DEMO_PASSWORD);
        admin.locator("#user-add").click();
        assertThat(admin.locator("#users-grid")).containsText(username);
        assertThat(admin.locator("#user-error")).isHidden();

        Page newcomer = sessions.signIn("newcomer", username);
        assertThat(newcomer.locator("#current-user")).containsText("Erin Example");
        assertThat(newcomer.locator("#nav-claims")).isVisible();
        assertThat(newcomer.locator("#nav-admin-users")).hasCount(0);
    }

    @Test
    public void partnerUsersHaveNoUsersScreen() {
        Page partner = sessions.signIn("partner");
        assertThat(partner.locator("#nav-claims")).isVisible();
        assertThat(partner.locator("#nav-admin-users")).hasCount(0);
    }
}
