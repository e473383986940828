package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;

/**
 * Issue steps 3-5 in real browsers: a partner submits an expense claim with a receipt and sees it listed as
 * Submitted; a reviewer, in a separate browser session, finds it in the review queue, views the receipt and decides;
 * the partner's page, left open and never reloaded, shows the decision (server push).
 */
public class ClaimFlowE2E {

    /** How long a decision may take to reach another person's open page by server push. */
    static final double PUSH_TIMEOUT_MS = 15_000;

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    /**
     * Rejection with reason R02 and a comment; the partner keeps the claim's detail page open and sees status, reason
     * and comment arrive without reload. Also checks that the reviewer can view the PNG receipt (rendered preview and
     * the link serving exactly the uploaded bytes).
     */
    @Test
    public void rejectionWithReasonIsPushedToThePartnersOpenClaimPage() {
        String token = token();
        byte[] png = Receipts.png(0x1676f3 ^ token.hashCode());
        Page partner = sessions.signIn("partner");
        ExpenseClaims.Submitted claim = ExpenseClaims.submit(partner, new ExpenseClaims.Expense(
                LocalDate.now().minusDays(2), "Travel", "Taxi to the partner summit " + token, "84.20", "EUR",
                new FilePayload("taxi-" + token + ".png", "image/png", png)));
        assertThat(partner.locator("#claim-amount")).hasText("EUR 84.20");
        Vaadin.markDocument(partner);

        Page reviewer = sessions.signIn("reviewer");
        ExpenseClaims.openFromReviewQueue(reviewer, claim.reference());
        assertThat(reviewer.locator("#claim-status")).hasText("Submitted");
        // the receipt is viewable: the inline preview is a decoded image, the link serves the uploaded file
        reviewer.waitForFunction("() => { const img = document.querySelector(\"img[id^='claim-attachment-preview-']\");"
                + " return img && img.complete && img.naturalWidth === " + Receipts.PNG_WIDTH + "; }");
        assertArrayEquals("receipt served to the reviewer", png, ExpenseClaims.downloadFirstAttachment(reviewer));

        String comment = "The summit travel is covered by the event budget (" + token + ")";
        ExpenseClaims.reject(reviewer, "R02", comment);

        LocatorAssertions.HasTextOptions push = new LocatorAssertions.HasTextOptions().setTimeout(PUSH_TIMEOUT_MS);
        assertThat(partner.locator("#claim-status")).hasText("Rejected", push);
        assertThat(partner.locator("#claim-rejection")).containsText("R02",
                new LocatorAssertions.ContainsTextOptions().setTimeout(PUSH_TIMEOUT_MS));
        assertThat(partner.locator("#claim-rejection-comment")).hasText(comment, push);
        assertTrue("the partner's page was not reloaded", Vaadin.sameDocument(partner));
        assertTrue(partner.url().endsWith("claims/detail?id=" + claim.id()));
    }

    /**
     * Approval; the partner has gone to "My claims" (where the new claim is listed as Submitted) and sees the row
     * change to Approved without reload. The receipt is a PDF here: offered as a download (never shown in the page, see
     * docs/operations.md) and served as uploaded. The
     * approved claim leaves the reviewer's queue.
     */
    @Test
    public void approvalIsPushedToThePartnersOpenClaimList() {
        String token = token();
        byte[] pdf = Receipts.pdf("Hotel Astoria, 2 nights, " + token);
        Page partner = sessions.signIn("partner");
        ExpenseClaims.Submitted claim = ExpenseClaims.submit(partner, new ExpenseClaims.Expense(
                LocalDate.now().minusDays(3), "Accommodation", "Hotel for the reseller training " + token, "312.00",
                "USD", new FilePayload("hotel-" + token + ".pdf", "application/pdf", pdf)));
        partner.locator("#nav-claims").click();
        Vaadin.waitForRow(partner, "claims-grid", claim.reference(), ExpenseClaims.MY_CLAIMS_STATUS_COLUMN,
                "Submitted");
        List<String> row = row(partner, claim.reference());
        assertEquals("Expense reimbursement", row.get(ExpenseClaims.MY_CLAIMS_TYPE_COLUMN));
        assertEquals("USD 312.00", row.get(3));
        Vaadin.markDocument(partner);

        Page reviewer = sessions.signIn("reviewer");
        ExpenseClaims.openFromReviewQueue(reviewer, claim.reference());
        assertThat(reviewer.locator("[id^='claim-attachment-preview-']")).hasCount(0);
        assertThat(reviewer.locator("a[id^='claim-attachment-']").first()).hasAttribute("download", java.util.regex.Pattern.compile(".*"));
        byte[] served = ExpenseClaims.downloadFirstAttachment(reviewer);
        assertArrayEquals("receipt served to the reviewer", pdf, served);
        assertTrue(new String(served, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        ExpenseClaims.approve(reviewer, "Within the training budget " + token);

        Vaadin.waitForRow(partner, "claims-grid", claim.reference(), ExpenseClaims.MY_CLAIMS_STATUS_COLUMN,
                "Approved");
        assertTrue("the partner's page was not reloaded", Vaadin.sameDocument(partner));

        reviewer.locator("#claim-back").click();
        reviewer.locator("#review-summary").waitFor();
        Vaadin.waitForNoRow(reviewer, "review-grid", claim.reference(), "review-summary", "No claims");
    }

    private static List<String> row(Page page, String reference) {
        return Vaadin.gridRows(page, "claims-grid").stream().filter(r -> r.get(0).equals(reference)).findFirst()
                .orElseThrow(() -> new AssertionError(reference + " is not listed"));
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
