package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertTrue;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Funds: a partner sees the demo allocation of market development funds in "My funds" with its bar and expiry date;
 * a finance manager raises the other partner's allocation in "Funds and budgets", and that partner's open "My funds"
 * shows the new amount without a reload (funds events → live updates).
 *
 * <p>Not yet in the {@link PortalE2EIT} suite: it has not run green yet. Both runs on the build machine (load average
 * above 30) ended before the test itself, while the runner waited for the portal to boot. Run it alone with
 * {@code -Dit.test=FundsE2E}; add it to the suite once it passes.
 */
public class FundsE2E {

    /** The demo funds are created once the demo partners exist; an open view follows them live. */
    static final LocatorAssertions.ContainsTextOptions DEMO_WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(120_000);

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void partnersSeeTheirFundsAndFollowAChangeByFinanceLive() {
        Page partner = sessions.signIn("partner");
        partner.locator("#nav-funds").click();
        Locator card = partner.locator("#my-funds .pf-fund-card").first();
        assertThat(card).containsText("Market development funds", DEMO_WAIT);
        assertThat(card).containsText("Available until");
        assertThat(card.locator(".pf-fund-bar")).isVisible();
        // 12,000 allocated: 2,800 paid, 1,500 approved, 2,000 reserved
        assertThat(card.locator(".pf-fund-available")).hasText("EUR 5,700.00");
        assertThat(card.locator(".pf-fund-paid")).hasText("EUR 2,800.00");

        Page contoso = sessions.signIn("partner2");
        contoso.locator("#nav-funds").click();
        Locator contosoCard = contoso.locator("#my-funds .pf-fund-card").first();
        assertThat(contosoCard.locator(".pf-fund-allocated")).hasText("EUR 8,000.00",
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        Vaadin.markDocument(contoso);

        Page manager = sessions.signIn("manager");
        manager.locator("#nav-finance-funds").click();
        Vaadin.clickRow(manager, "fund-allocations", "P-1002");
        Vaadin.fill(manager, "allocation-amount", "9000");
        manager.locator("#allocation-update").click();
        assertThat(manager.locator("#funds-message")).containsText("EUR 9,000.00");

        assertThat(contosoCard.locator(".pf-fund-allocated")).hasText("EUR 9,000.00");
        assertThat(contosoCard.locator(".pf-fund-available")).hasText("EUR 7,800.00");
        assertTrue("the partner's page was updated by push, not reloaded", Vaadin.sameDocument(contoso));
    }
}
