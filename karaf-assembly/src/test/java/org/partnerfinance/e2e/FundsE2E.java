package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Funds: a partner sees the demo allocation of market development funds in "My funds" with its bar, expiry date and
 * figures that add up; a finance manager raises the other partner's allocation by 1,000 in "Funds and budgets", and
 * that partner's open "My funds" shows the new amounts without a reload (funds events → live updates).
 *
 * <p>Other tests of the suite spend the demo partners' funds (e.g. {@link MdfE2E} reserves and releases P-1001's), so
 * nothing here expects fixed amounts: figures are checked against each other and against what the screen showed
 * before the change.
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
        assertTrue("the demo allocation has funds", amount(card, "allocated").signum() > 0);
        assertEquals("available = allocated - reserved - approved - paid - expired",
                amount(card, "allocated").subtract(amount(card, "reserved")).subtract(amount(card, "approved"))
                        .subtract(amount(card, "paid")).subtract(amount(card, "expired")),
                amount(card, "available"));

        Page contoso = sessions.signIn("partner2");
        contoso.locator("#nav-funds").click();
        Locator contosoCard = contoso.locator("#my-funds .pf-fund-card").first();
        assertThat(contosoCard).containsText("Market development funds", DEMO_WAIT);
        BigDecimal allocated = amount(contosoCard, "allocated");
        BigDecimal available = amount(contosoCard, "available");
        Vaadin.markDocument(contoso);

        Page manager = sessions.signIn("manager");
        manager.locator("#nav-finance-funds").click();
        Vaadin.clickRow(manager, "fund-allocations", "P-1002");
        BigDecimal raised = allocated.add(new BigDecimal("1000"));
        Vaadin.fill(manager, "allocation-amount", raised.toPlainString());
        manager.locator("#allocation-update").click();
        assertThat(manager.locator("#funds-message")).containsText(eur(raised));

        assertThat(contosoCard.locator(".pf-fund-allocated")).hasText(eur(raised));
        assertThat(contosoCard.locator(".pf-fund-available")).hasText(eur(available.add(new BigDecimal("1000"))));
        assertTrue("the partner's page was updated by push, not reloaded", Vaadin.sameDocument(contoso));
    }

    /** A figure of a funds card, e.g. {@code EUR 5,700.00} of {@code .pf-fund-available}. */
    static BigDecimal amount(Locator card, String figure) {
        String text = card.locator(".pf-fund-" + figure).innerText().strip();
        assertTrue(figure + ": " + text, text.startsWith("EUR "));
        return new BigDecimal(text.substring(4).replace(",", ""));
    }

    /** As the portal formats euros, e.g. {@code EUR 9,000.00}. */
    static String eur(BigDecimal amount) {
        return "EUR " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
