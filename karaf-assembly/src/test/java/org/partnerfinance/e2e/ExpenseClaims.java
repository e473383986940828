package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/** The partner's and the reviewer's steps with expense claims, as a person does them in the browser. */
public final class ExpenseClaims {

    /** Column of the status in the partner's "My claims" grid (Reference, Type, Date, Amount, Status, ...). */
    public static final int MY_CLAIMS_STATUS_COLUMN = 4;
    /** Column of the claim type in the partner's "My claims" grid. */
    public static final int MY_CLAIMS_TYPE_COLUMN = 1;

    private static final Pattern CLAIM_ID = Pattern.compile("[?&]id=(\\d+)");

    private ExpenseClaims() {
    }

    /** A claim as the partner saw it after submitting. */
    public record Submitted(long id, String reference) {
    }

    /** What the partner enters in the form. */
    public record Expense(LocalDate date, String category, String description, String amount, String currency,
            FilePayload receipt) {
    }

    /**
     * Opens "New expense claim" from the menu, fills in the form the claims UI renders from the expense type's
     * declared fields, uploads the receipt and submits. Returns when the claim's detail page shows it as Submitted.
     */
    public static Submitted submit(Page partner, Expense expense) {
        partner.locator("#nav-claims-new-expense").click();
        partner.locator("#claim-date").waitFor();
        Vaadin.fillDate(partner, "claim-date", expense.date());
        Vaadin.select(partner, "claim-field-category", expense.category());
        Vaadin.fill(partner, "claim-description", expense.description());
        Vaadin.fill(partner, "claim-amount", expense.amount());
        Vaadin.choose(partner, "claim-currency", expense.currency(), expense.currency() + " ");
        // the <input type=file> lives in vaadin-upload's shadow root; CSS locators pierce it
        partner.locator("#claim-field-receipts input[type=file]").setInputFiles(expense.receipt());
        assertThat(partner.locator("#claim-field-receipts-files")).containsText(expense.receipt().name);
        partner.locator("#claim-submit").click();

        assertThat(partner.locator("#claim-status")).hasText("Submitted");
        // the address follows the view (history.pushState) a moment later
        partner.waitForURL(Pattern.compile(".*/claims/detail\\?id=\\d+$"));
        Matcher id = CLAIM_ID.matcher(partner.url());
        if (!id.find()) {
            throw new AssertionError("After submitting, the page " + partner.url() + " is not a claim's detail page");
        }
        String title = partner.locator("#claim-reference").textContent();
        String reference = title.split("·")[0].trim();
        return new Submitted(Long.parseLong(id.group(1)), reference);
    }

    /** Opens the claim from the review queue (the reviewer must be signed in); returns when its detail is shown. */
    public static void openFromReviewQueue(Page reviewer, String reference) {
        reviewer.locator("#nav-review").click();
        Vaadin.clickRow(reviewer, "review-grid", reference);
        assertThat(reviewer.locator("#claim-reference")).containsText(reference);
    }

    /** The first attachment link of the claim shown, and the bytes it serves in the viewer's session. */
    public static byte[] downloadFirstAttachment(Page viewer) {
        Locator link = viewer.locator("a[id^='claim-attachment-']").first();
        // the absolute address as the browser resolves it (Vaadin's links are relative to the application's base)
        String url = (String) link.evaluate("a => a.href");
        var response = viewer.context().request().get(url);
        if (response.status() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.status());
        }
        return response.body();
    }

    /** Rejects the claim shown with a coded reason (e.g. "R02") and a comment. */
    public static void reject(Page reviewer, String reasonCode, String comment) {
        reviewer.locator("#claim-reject").click();
        Vaadin.select(reviewer, "reject-reason", reasonCode);
        Vaadin.fill(reviewer, "reject-comment", comment);
        reviewer.locator("#reject-confirm").click();
        assertThat(reviewer.locator("#claim-status")).hasText("Rejected");
    }

    /** Approves the claim shown with a comment. */
    public static void approve(Page reviewer, String comment) {
        reviewer.locator("#claim-approve").click();
        Vaadin.fill(reviewer, "approve-comment", comment);
        reviewer.locator("#approve-confirm").click();
        assertThat(reviewer.locator("#claim-status")).hasText("Approved");
    }
}
