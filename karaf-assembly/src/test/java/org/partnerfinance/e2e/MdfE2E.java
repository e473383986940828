package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/**
 * Market development funds in real browsers: the demo partner asks for pre-approval of a trade show from the form the
 * claims UI renders for {@code mdf-request}; a reviewer approves it (reserving the partner's funds); the partner
 * claims the costs against the request with an invoice; the reviewer approves the claim and a manager marks it paid,
 * which the partner's claim page shows, with the request closed by that approval. A second request, approved and not
 * wanted any more, is closed by the partner with a reason.
 */
public class MdfE2E {

    private static final Pattern CLAIM_ID = Pattern.compile("[?&]id=(\\d+)");

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void requestApprovalProofClaimApprovalAndPayment() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        Page partner = sessions.signIn("partner");

        // the pre-approval request (900: one reviewer approves it)
        partner.navigate(PORTAL.baseUrl() + "/claims/new/mdf-request");
        partner.locator("#claim-date").waitFor();
        Vaadin.fillDate(partner, "claim-date", today);
        Vaadin.select(partner, "claim-field-activity", "Trade show");
        Vaadin.fill(partner, "claim-field-campaign", "Spring fair " + token);
        Vaadin.fillDate(partner, "claim-field-start", today);
        Vaadin.fillDate(partner, "claim-field-end", today.plusDays(7));
        Vaadin.fill(partner, "claim-field-expectedResults", "150 qualified leads");
        Vaadin.fill(partner, "claim-description", "Stand at the spring fair " + token);
        Vaadin.fill(partner, "claim-amount", "900.00");
        Vaadin.choose(partner, "claim-currency", "EUR", "EUR ");
        ExpenseClaims.Submitted request = submit(partner);

        Page reviewer = sessions.signIn("reviewer");
        open(reviewer, request);
        ExpenseClaims.approve(reviewer, "Pre-approved " + token);

        // the proof-of-performance claim against the approved request, with its invoice
        partner.navigate(PORTAL.baseUrl() + "/claims/new/mdf");
        partner.locator("#claim-date").waitFor();
        Vaadin.fillDate(partner, "claim-date", today);
        Vaadin.fill(partner, "claim-field-fundsReservation", request.reference());
        Vaadin.fill(partner, "claim-field-results", "170 leads, 9 opportunities");
        Vaadin.fill(partner, "claim-description", "Spring fair costs " + token);
        Vaadin.fill(partner, "claim-amount", "850.00");
        Vaadin.choose(partner, "claim-currency", "EUR", "EUR ");
        partner.locator("#claim-field-proof input[type=file]").setInputFiles(new FilePayload("invoice-" + token
                + ".pdf", "application/pdf", Receipts.pdf("Fair invoice " + token)));
        assertThat(partner.locator("#claim-field-proof-files")).containsText("invoice-" + token);
        ExpenseClaims.Submitted proof = submit(partner);
        Vaadin.markDocument(partner);

        open(reviewer, proof);
        ExpenseClaims.approve(reviewer, "Invoice matches " + token);

        // a manager (not the approver) marks it paid; the partner's open page follows
        Page manager = sessions.signIn("manager");
        open(manager, proof);
        manager.locator("#claim-mark-paid").click();
        Vaadin.fill(manager, "paid-reference", "BANK-" + token);
        manager.locator("#paid-confirm").click();
        assertThat(manager.locator("#claim-status")).hasText("Paid");
        assertThat(partner.locator("#claim-status")).hasText("Paid");

        // the request was used up by the approval of its proof claim
        open(partner, request);
        assertThat(partner.locator("#claim-status")).hasText("Closed");
        assertThat(partner.locator("#claim-closed")).containsText("proof of performance claim " + proof.reference()
                + " approved");
    }

    @Test
    public void thePartnerClosesAnApprovedRequestThatWillNotBeClaimed() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        Page partner = sessions.signIn("partner");
        partner.navigate(PORTAL.baseUrl() + "/claims/new/mdf-request");
        partner.locator("#claim-date").waitFor();
        Vaadin.fillDate(partner, "claim-date", today);
        Vaadin.select(partner, "claim-field-activity", "Digital campaign");
        Vaadin.fill(partner, "claim-field-campaign", "Webinar " + token);
        Vaadin.fillDate(partner, "claim-field-start", today);
        Vaadin.fillDate(partner, "claim-field-end", today.plusDays(3));
        Vaadin.fill(partner, "claim-field-expectedResults", "60 registrations");
        Vaadin.fill(partner, "claim-description", "Webinar series " + token);
        Vaadin.fill(partner, "claim-amount", "300.00");
        Vaadin.choose(partner, "claim-currency", "EUR", "EUR ");
        ExpenseClaims.Submitted request = submit(partner);

        Page reviewer = sessions.signIn("reviewer");
        open(reviewer, request);
        ExpenseClaims.approve(reviewer, "Pre-approved " + token);

        // a pre-approval accrued nothing: finance is offered closing it, never "Mark paid"
        Page manager = sessions.signIn("manager");
        open(manager, request);
        assertThat(manager.locator("#claim-status")).hasText("Approved");
        assertThat(manager.locator("#claim-close")).isVisible();
        assertThat(manager.locator("#claim-mark-paid")).hasCount(0);

        open(partner, request);
        assertThat(partner.locator("#claim-status")).hasText("Approved");
        partner.locator("#claim-close").click();
        partner.locator("#close-confirm").click();
        // without a reason the dialog stays open and nothing changes
        assertThat(partner.locator("#close-reason")).isVisible();
        assertThat(partner.locator("#claim-status")).hasText("Approved");
        Vaadin.fill(partner, "close-reason", "Webinar cancelled " + token);
        partner.locator("#close-confirm").click();
        assertThat(partner.locator("#claim-status")).hasText("Closed");
        assertThat(partner.locator("#claim-closed")).hasText("Closed: Webinar cancelled " + token);
        assertThat(partner.locator("#claim-close")).hasCount(0);
    }

    /** Opens a claim's detail page by its address (as a link in a notification e-mail does). */
    private static void open(Page staff, ExpenseClaims.Submitted claim) {
        staff.navigate(PORTAL.baseUrl() + "/claims/detail?id=" + claim.id());
        assertThat(staff.locator("#claim-reference")).containsText(claim.reference());
    }

    private static ExpenseClaims.Submitted submit(Page partner) {
        partner.locator("#claim-submit").click();
        assertThat(partner.locator("#claim-status")).hasText("Submitted");
        partner.waitForURL(Pattern.compile(".*/claims/detail\\?id=\\d+$"));
        Matcher id = CLAIM_ID.matcher(partner.url());
        if (!id.find()) {
            throw new AssertionError("After submitting, the page " + partner.url() + " is not a claim's detail page");
        }
        String reference = partner.locator("#claim-reference").textContent().split("·")[0].trim();
        return new ExpenseClaims.Submitted(Long.parseLong(id.group(1)), reference);
    }
}
