package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;

/**
 * A finance manager reads the receivables aging across partners: generated documents (pf:generate, through the
 * services) show up per partner with buckets that add up to the balance, the chart is drawn, and a row leads to the
 * partner's statement.
 */
public class FinanceAgingE2E {

    /** The first generated partner; its documents are in EUR. */
    static final String PARTNER = "P-9000001";
    /** Columns of the aging grid: partner, name, seven buckets, balance. */
    static final int FIRST_BUCKET = 2;
    static final int BALANCE = 9;

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @BeforeClass
    public static void generateDocuments() throws Exception {
        KarafDistribution karaf = PORTAL.distribution();
        if (!karaf.shell("feature:list -i").contains("pf-tools ")) {
            karaf.shell("feature:install pf-tools");
        }
        String out = karaf.shell("pf:generate 3 90");
        assertTrue(out, !out.contains("Error") && !out.contains("Exception"));
    }

    @Test
    public void agingPerPartnerAddsUpAndLeadsToTheStatement() {
        Page manager = sessions.signIn("manager");
        assertThat(manager.locator("#nav-finance-aging")).isVisible();
        // the link the aging widget opens: the currency comes with it
        manager.navigate(PORTAL.baseUrl() + "/finance/aging?currency=EUR");
        manager.locator("#aging-grid").waitFor();
        assertThat(manager.locator("#aging-currency vaadin-select-value-button")).containsText("EUR");
        Vaadin.waitForRow(manager, "aging-grid", PARTNER);

        List<String> row = Vaadin.gridRows(manager, "aging-grid").stream().filter(r -> r.get(0).equals(PARTNER))
                .findFirst().orElseThrow();
        BigDecimal buckets = BigDecimal.ZERO;
        for (int i = FIRST_BUCKET; i < BALANCE; i++) {
            buckets = buckets.add(amount(row.get(i)));
        }
        assertEquals("buckets add up to the balance: " + row, 0, buckets.compareTo(amount(row.get(BALANCE))));
        assertTrue("something is open for " + PARTNER, amount(row.get(BALANCE)).signum() != 0);

        assertThat(manager.locator("#aging-chart-svg")).isVisible();
        assertThat(manager.locator("#aging-chart-svg")).containsText(PARTNER);
        assertThat(manager.locator("#aging-chart-caption")).containsText("Overdue EUR");

        Vaadin.clickRow(manager, "aging-grid", PARTNER);
        manager.waitForURL(url -> url.contains("statement?partner=" + PARTNER));
    }

    /**
     * The other finance screens render with the same data, and collections work: a reminder recorded for the most
     * overdue document is listed with its note.
     */
    @Test
    public void financeScreensShowTheBooksAndRecordAReminder() {
        Page manager = sessions.signIn("manager");
        manager.navigate(PORTAL.baseUrl() + "/finance/overdue?currency=EUR");
        manager.waitForFunction("() => { const g = document.getElementById('overdue-grid');"
                + " return g && g.shadowRoot && g.shadowRoot.querySelectorAll('#items tr:not([hidden])').length > 0"
                + " && !g.shadowRoot.querySelector('#items tr[loading]'); }");
        String number = Vaadin.gridRows(manager, "overdue-grid").get(0).get(0);
        Vaadin.clickRow(manager, "overdue-grid", number);
        assertThat(manager.locator("#overdue-detail-title")).containsText(number);
        String note = "Called accounts payable, payment promised (" + System.nanoTime() + ")";
        Vaadin.fill(manager, "overdue-note", note);
        manager.locator("#overdue-record").click();
        assertThat(manager.locator("#overdue-reminders")).containsText(note);
        assertThat(manager.locator("#overdue-reminder-error")).hasText("");

        manager.navigate(PORTAL.baseUrl() + "/finance/dso?currency=EUR");
        assertThat(manager.locator("#dso-overall")).containsText("DSO over all partners");
        assertThat(manager.locator("#dso-chart-svg")).isVisible();

        manager.navigate(PORTAL.baseUrl() + "/finance/payables?currency=EUR");
        assertThat(manager.locator("#payables-grid")).isVisible();
        assertThat(manager.locator("#payables-weeks")).isVisible();

        manager.navigate(PORTAL.baseUrl() + "/finance/disputes");
        assertThat(manager.locator("#disputes-summary")).containsText("open dispute");

        manager.navigate(PORTAL.baseUrl() + "/finance/payments-to-confirm");
        assertThat(manager.locator("#confirm-grid")).isVisible();

        manager.navigate(PORTAL.baseUrl() + "/finance/reconciliation");
        assertThat(manager.locator("#reconciliation-badge")).isVisible();
        assertThat(manager.locator("#reconciliation-summary")).containsText("compared as of");
    }

    private static BigDecimal amount(String cell) {
        return new BigDecimal(cell.replace(",", ""));
    }
}
