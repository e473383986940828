package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Issue 7, "a third-party style claim type": the training voucher type (bundles/claim-types/sample, built only against
 * the published API packages and in no feature) is dropped into {@code deploy/} of the running portal. Its form
 * appears in the menu of a partner's open page (server push, no reload), is rendered by the claims UI from the type's
 * declared fields, and takes a claim to approval; removing the jar takes the entry away again while the claim stays
 * readable with its stored data.
 */
public class SampleClaimTypeE2E {

    private static final String MENU = "#nav-claims-new-training";
    private static final double PUSH_TIMEOUT_MS = ClaimFlowE2E.PUSH_TIMEOUT_MS;

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    private Path deployed() {
        return PORTAL.distribution().home().resolve("deploy").resolve("pf-claim-sample-training.jar");
    }

    /** Leaves the portal without the sample type, whatever a failed test left behind. */
    @After
    public void removeSampleType() throws IOException {
        Files.deleteIfExists(deployed());
    }

    @Test
    public void aTypeDroppedIntoDeployTakesAClaimEndToEndAndLeavesCleanly() throws IOException {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Page partner = sessions.signIn("partner");
        partner.locator("#nav-claims").click();
        partner.locator("#claims-grid").waitFor();
        assertThat(partner.locator(MENU)).hasCount(0);
        Vaadin.markDocument(partner);

        drop();

        assertThat(partner.locator(MENU)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertTrue("the partner's page was not reloaded", Vaadin.sameDocument(partner));

        partner.locator(MENU).click();
        partner.locator("#claim-date").waitFor();
        assertThat(partner.locator("#claim-form")).containsText("New training claim");
        Vaadin.fillDate(partner, "claim-date", LocalDate.now().minusDays(1));
        Vaadin.fill(partner, "claim-description", "Partner sales academy " + token);
        Vaadin.fill(partner, "claim-amount", "1200");
        Vaadin.choose(partner, "claim-currency", "EUR", "EUR ");
        Vaadin.fill(partner, "claim-field-course", "Selling the portfolio " + token);
        Vaadin.select(partner, "claim-field-format", "Classroom");
        Vaadin.fill(partner, "claim-field-attendees", "2");
        // the core's live checks ran on the complete draft: the duplicate rule passes
        assertThat(partner.locator("#claim-checks [data-outcome]").first()).isVisible();
        partner.locator("#claim-submit").click();
        assertThat(partner.locator("#claim-status")).hasText("Submitted");
        assertThat(partner.locator("#claim-reference")).containsText("CLM-");
        String reference = partner.locator("#claim-reference").textContent().split("·")[0].trim();
        String detail = partner.url();

        Page reviewer = sessions.signIn("reviewer");
        ExpenseClaims.openFromReviewQueue(reviewer, reference);
        // the type's own rule: at most 500 per attendee
        assertThat(reviewer.locator("#claim-facts")).containsText("EUR 1,000.00");
        ExpenseClaims.approve(reviewer, "Academy approved " + token);
        assertThat(partner.locator("#claim-status")).hasText("Approved",
                new LocatorAssertions.HasTextOptions().setTimeout(PUSH_TIMEOUT_MS));

        Files.delete(deployed());

        assertThat(partner.locator(MENU)).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertTrue("the partner's page was not reloaded", Vaadin.sameDocument(partner));
        // the claim stays readable with its stored data, marked as of a type that is not installed
        partner.navigate(detail);
        assertThat(partner.locator("#claim-type-missing")).isVisible();
        assertThat(partner.locator("#claim-status")).hasText("Approved");
        assertThat(partner.locator("body")).containsText("Selling the portfolio " + token);
    }

    /** Copies the sample type's jar into deploy/ in one step, so that the file installer never reads half a file. */
    private void drop() throws IOException {
        Path jar = Path.of(System.getProperty("pf.sample.claim.type",
                "../bundles/claim-types/sample/target/pf-claim-sample-training-0.1.0-SNAPSHOT.jar"));
        Path staged = PORTAL.distribution().home().resolve("pf-claim-sample-training.jar.part");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployed(), StandardCopyOption.ATOMIC_MOVE);
    }
}
