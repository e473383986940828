package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;

/**
 * A finance manager creates a payment order in Finance → Payment orders: a scheduled payment to a partner with no IBAN
 * on file is refused with the partner named; one to a partner with an IBAN becomes a pain.001 file offered for
 * download and listed among the earlier orders, and leaves the list of scheduled payments.
 */
public class PaymentOrdersE2E {

    /** Demo partners with an IBAN on file (DemoPartners.ACCOUNTS) and some without (American, British). */
    static final Set<String> WITH_IBAN = Set.of("P-1001", "P-1004", "P-1005", "P-1008", "P-1009");
    static final Set<String> WITHOUT_IBAN = Set.of("P-1002", "P-1012", "P-1015", "P-1020");

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @BeforeClass
    public static void configureTheCompanyAccount() throws Exception {
        String out = PORTAL.distribution().shell("config:edit org.partnerfinance.connector.pain001",
                "config:property-set debtor.name \"Example Portal Company GmbH\"",
                "config:property-set debtor.iban DE89370400440532013000",
                "config:update");
        assertTrue(out, !out.contains("Error"));
    }

    /** Ticks the selection checkbox of the first row whose partner cell starts with one of the ids; its key. */
    private static String tick(Page page, Set<String> partners) {
        Object key = page.evaluate("""
                ([id, partners]) => {
                  const grid = document.getElementById(id);
                  for (const tr of grid.shadowRoot.querySelectorAll('#items tr')) {
                    if (tr.hidden || tr.hasAttribute('loading')) continue;
                    const cells = Array.from(tr.querySelectorAll('td'));
                    const text = td => { const s = td.querySelector('slot');
                      return s ? s.assignedElements({flatten: true}).map(e => e.textContent.trim()).join(' ') : ''; };
                    const select = cells.find(td => td._column
                        && td._column.localName === 'vaadin-grid-flow-selection-column');
                    const partner = cells.filter(td => td !== select).map(text)[0] || '';
                    if (select && partners.some(p => partner.startsWith(p + ' '))) {
                      select.querySelector('slot').assignedElements({flatten: true})[0]
                          .querySelector('vaadin-checkbox').click();
                      return cells.filter(td => td !== select).map(text).join('|');
                    }
                  }
                  return null;
                }""", List.of("payment-orders-payments", List.copyOf(partners)));
        return key == null ? null : key.toString();
    }

    @Test
    public void aPartnerWithoutAnIbanIsNamedAndAnOrderWithIbansIsCreated() {
        Page manager = sessions.signIn("manager");
        manager.navigate(PORTAL.baseUrl() + "/finance/payment-orders");
        manager.locator("#payment-orders-payments").waitFor();
        manager.waitForFunction("() => { const g = document.getElementById('payment-orders-payments');"
                + " return g && g.shadowRoot && g.shadowRoot.querySelectorAll('#items tr:not([hidden])').length > 0"
                + " && !g.shadowRoot.querySelector('#items tr[loading]'); }");
        assertThat(manager.locator("#payment-orders-total")).hasText("No payment selected");

        String withoutIban = tick(manager, WITHOUT_IBAN);
        assertTrue("the demo schedules payments to a partner without an IBAN: "
                + Vaadin.gridRows(manager, "payment-orders-payments"), withoutIban != null);
        assertThat(manager.locator("#payment-orders-total")).containsText("1 payment, ");
        manager.locator("#payment-orders-create").click();
        assertThat(manager.locator("#payment-orders-refused")).containsText("Nothing was sent");
        assertThat(manager.locator("#payment-orders-result")).containsText("has no IBAN on file");
        // untick it again: the selection stays as it was after a refusal
        tick(manager, WITHOUT_IBAN);
        assertThat(manager.locator("#payment-orders-total")).hasText("No payment selected");

        String withIban = tick(manager, WITH_IBAN);
        assertTrue("the demo schedules payments to a partner with an IBAN: "
                + Vaadin.gridRows(manager, "payment-orders-payments"), withIban != null);
        assertThat(manager.locator("#payment-orders-total")).containsText("1 payment, ");
        manager.locator("#payment-orders-create").click();
        assertThat(manager.locator("#payment-orders-done")).containsText("Payment order PF-");
        assertThat(manager.locator("#payment-orders-done")).containsText("sent to the bank");
        assertThat(manager.locator("#payment-orders-download")).containsText(".xml");
        String messageId = manager.locator("#payment-orders-done").textContent()
                .replaceAll("(?s).*Payment order (PF-[0-9]+-[0-9]+).*", "$1");
        Vaadin.waitForCellsStartingWith(manager, "payment-orders-runs", 1, messageId, 1);
        assertTrue("the sent payment left the scheduled ones", Vaadin.gridRows(manager, "payment-orders-payments")
                .stream().noneMatch(r -> String.join("|", r).equals(withIban)));
    }
}
