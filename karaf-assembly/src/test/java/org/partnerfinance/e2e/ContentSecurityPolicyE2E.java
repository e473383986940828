package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.ClassRule;
import org.junit.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The portal works under its own Content-Security-Policy: the sign-in page renders, signing in works, and the screens
 * with the richer components (grid, date picker, combo box, upload, server push) run without a single CSP violation
 * reported by the browser.
 */
public class ContentSecurityPolicyE2E {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    /** Records every violation a document reports, from its first script on. */
    private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            + "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    @Test
    public void signInAndTheClaimScreensRunWithoutViolations() {
        BrowserContext context = PORTAL.browser().newContext();
        try {
            context.addInitScript(RECORD_VIOLATIONS);
            List<String> refused = Collections.synchronizedList(new ArrayList<>());
            context.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    refused.add(message.text());
                }
            });
            Page page = PortalBrowser.login(context, PORTAL.baseUrl(), "partner");
            assertEquals("after sign-in", List.of(), page.evaluate("() => window.__cspViolations"));

            page.locator("#nav-claims").click();
            page.locator("#claims-grid").waitFor();
            page.locator("#nav-claims-new-expense").click();
            page.locator("#claim-date").waitFor();
            Vaadin.fillDate(page, "claim-date", LocalDate.now().minusDays(1));
            Vaadin.choose(page, "claim-currency", "USD", "USD ");
            assertThat(page.locator("#claim-field-receipts")).isVisible();

            assertEquals("on the claim screens", List.of(), page.evaluate("() => window.__cspViolations"));
            assertEquals("console", List.of(), refused);
        } finally {
            context.close();
        }
    }
}
