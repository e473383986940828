package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;

/**
 * A finance manager maintains partner master data in the Partners screen: a malformed Peppol id is refused with the
 * message at that field and nothing is saved; corrected, the partner is created and listed with its VAT and Peppol ids.
 * A finance reviewer sees the partners but has no form to change them.
 */
public class PartnersE2E {

    /** Columns of the partners grid: id, name, kind, VAT id, Peppol id, currencies, terms, status. */
    static final int NAME = 1;
    static final int VAT = 3;
    static final int PEPPOL = 4;
    static final int CURRENCIES = 5;
    static final int TERMS = 6;

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void financeManagerCreatesAPartnerWithVatAndPeppolIds() {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        String id = "P-" + n;
        String name = "Fjord Components " + n;
        String vat = "DE1" + n;
        String peppol = "0088:57" + n;

        Page manager = sessions.signIn("manager");
        manager.locator("#nav-partners").click();
        manager.locator("#partners-grid").waitFor();
        manager.locator("#partner-new").click();

        Vaadin.fill(manager, "partner-id", id);
        Vaadin.fill(manager, "partner-name", name);
        Vaadin.select(manager, "partner-kind", "Distributor");
        Vaadin.choose(manager, "partner-currency", "EUR", "EUR");
        Vaadin.fill(manager, "partner-vat", vat);
        Vaadin.fill(manager, "partner-peppol", "GLN 57" + n);
        Vaadin.fill(manager, "partner-city", "Bergen");
        Vaadin.fill(manager, "partner-country", "NO");
        Vaadin.fill(manager, "partner-terms", "45");
        Vaadin.fill(manager, "partner-dunning-email", "ar@fjord.example");
        manager.locator("#partner-save").click();

        assertThat(manager.locator("#partner-peppol")).hasAttribute("invalid", "");
        assertThat(manager.locator("#partner-peppol [slot='error-message']")).containsText("scheme:value");
        assertEquals("nothing saved for the refused form", 0,
                Vaadin.gridRows(manager, "partners-grid").stream().filter(r -> r.get(0).equals(id)).count());

        Vaadin.fill(manager, "partner-peppol", peppol);
        manager.locator("#partner-save").click();

        Vaadin.waitForRow(manager, "partners-grid", id);
        List<String> row = Vaadin.gridRows(manager, "partners-grid").stream().filter(r -> r.get(0).equals(id))
                .findFirst().orElseThrow();
        assertEquals(name, row.get(NAME));
        assertEquals(vat, row.get(VAT));
        assertEquals(peppol, row.get(PEPPOL));
        assertEquals("EUR", row.get(CURRENCIES));
        assertEquals("45 days", row.get(TERMS));
        assertThat(manager.locator("#partner-peppol")).not().hasAttribute("invalid", "");
        assertThat(manager.locator("#partner-form-title")).hasText(id + " " + name);

        Page reviewer = sessions.signIn("reviewer");
        reviewer.locator("#nav-partners").click();
        Vaadin.waitForRow(reviewer, "partners-grid", id);
        assertThat(reviewer.locator("#partner-new")).isHidden();
        assertThat(reviewer.locator("#partner-save")).isHidden();
    }
}
