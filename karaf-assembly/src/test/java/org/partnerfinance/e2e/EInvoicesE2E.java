package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A finance reviewer downloads a receivable as a Peppol UBL e-invoice in Finance → E-invoices: while the company's
 * seller settings are not configured the download is refused naming them; once an operator has set them, the same
 * selection becomes a UBL file offered for download and listed among the earlier downloads. The partner then downloads
 * one of their own invoices as UBL from its detail page.
 */
public class EInvoicesE2E {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    /** Ticks the first row whose partner cell starts with the id (Northwind has a Peppol id and a country). */
    private static String tick(Page page, String partner) {
        Object key = page.evaluate("""
                ([id, partner]) => {
                  const grid = document.getElementById(id);
                  for (const tr of grid.shadowRoot.querySelectorAll('#items tr')) {
                    if (tr.hidden || tr.hasAttribute('loading')) continue;
                    const cells = Array.from(tr.querySelectorAll('td'));
                    const text = td => { const s = td.querySelector('slot');
                      return s ? s.assignedElements({flatten: true}).map(e => e.textContent.trim()).join(' ') : ''; };
                    const select = cells.find(td => td._column
                        && td._column.localName === 'vaadin-grid-flow-selection-column');
                    const values = cells.filter(td => td !== select).map(text);
                    if (select && (values[2] || '').startsWith(partner + ' ')) {
                      select.querySelector('slot').assignedElements({flatten: true})[0]
                          .querySelector('vaadin-checkbox').click();
                      return values.join('|');
                    }
                  }
                  return null;
                }""", List.of("e-invoices-documents", partner));
        return key == null ? null : key.toString();
    }

    @Test
    public void aReceivableIsRefusedUntilTheCompanyIsConfiguredThenDownloadedAsUbl() throws Exception {
        Page reviewer = sessions.signIn("reviewer");
        reviewer.navigate(PORTAL.baseUrl() + "/finance/e-invoices");
        reviewer.locator("#e-invoices-documents").waitFor();
        reviewer.waitForFunction("() => { const g = document.getElementById('e-invoices-documents');"
                + " return g && g.shadowRoot && g.shadowRoot.querySelectorAll('#items tr:not([hidden])').length > 0"
                + " && !g.shadowRoot.querySelector('#items tr[loading]'); }");
        assertThat(reviewer.locator("#e-invoices-selection")).hasText("No document selected");

        String row = tick(reviewer, "P-1001");
        assertTrue("the demo has receivables of Northwind: " + Vaadin.gridRows(reviewer, "e-invoices-documents"),
                row != null);
        assertThat(reviewer.locator("#e-invoices-selection")).hasText("1 document: one XML file");
        reviewer.locator("#e-invoices-export").click();
        assertThat(reviewer.locator("#e-invoices-refused")).containsText("Nothing was written");
        assertThat(reviewer.locator("#e-invoices-result")).containsText("seller.name");

        String out = PORTAL.distribution().shell("config:edit org.partnerfinance.connector.peppol",
                "config:property-set seller.name \"Example Portal Company GmbH\"",
                "config:property-set seller.vat.id DE123456789",
                "config:property-set seller.peppol.id 0088:5790000435968",
                "config:property-set seller.country DE",
                "config:property-set seller.iban DE89370400440532013000",
                "config:update");
        assertTrue(out, !out.contains("Error"));

        // the connector takes the configuration asynchronously: the same selection again until it has it
        String number = row.split("\\|")[0];
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (reviewer.locator("#e-invoices-done").count() == 0 && System.nanoTime() < deadline) {
            reviewer.locator("#e-invoices-export").click();
            Thread.sleep(500);
        }
        assertThat(reviewer.locator("#e-invoices-done")).containsText("Written: 1 document");
        assertThat(reviewer.locator("#e-invoices-download")).containsText(".xml");
        assertThat(reviewer.locator("#e-invoices-download")).containsText(number.replaceAll("[^A-Za-z0-9._-]", "_"));
        Vaadin.waitForCellsStartingWith(reviewer, "e-invoices-runs", 1, "peppol-ubl", 1);

        // the partner (P-1001) opens one of their receivable invoices and downloads it as an e-invoice
        Page partner = sessions.signIn("partner");
        partner.navigate(PORTAL.baseUrl() + "/documents");
        Vaadin.select(partner, "documents-direction", "Receivable");
        Vaadin.select(partner, "documents-kind", "Invoice");
        Vaadin.waitForCells(partner, "documents-grid", DocumentsE2E.KIND_COLUMN, "Invoice", 1);
        // the first invoice among the rows shown (the grid may still show rows from before the kind filter)
        String own = Vaadin.gridRows(partner, "documents-grid").stream()
                .filter(r -> r.get(DocumentsE2E.KIND_COLUMN).equals("Invoice")).map(r -> r.get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo partner has no receivable invoice"));
        Vaadin.clickRow(partner, "documents-grid", own);
        assertThat(partner.locator("#document-title")).hasText("Invoice " + own);
        Locator ubl = partner.locator("#document-format-peppol-ubl");
        assertThat(ubl).hasText("Download as Peppol BIS Billing 3.0 (UBL 2.1)");
        ubl.click();
        assertThat(ubl).hasText(Pattern.compile("Download .*\\.xml"));
        assertThat(ubl).hasAttribute("download", Pattern.compile(".*"));
        var response = partner.context().request().get((String) ubl.evaluate("a => a.href"));
        assertEquals(200, response.status());
        String xml = response.text();
        assertTrue(xml, xml.contains("<cbc:ID>" + own + "</cbc:ID>"));
        assertTrue(xml, xml.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0"));
        assertTrue(xml, xml.contains("Example Portal Company GmbH"));
    }
}
