package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Statements and disputes in real browsers, on the demo data (partner P-1001, user "partner"; finance manager
 * "manager"): the partner downloads the statement of account as CSV and PDF and checks them against the screen,
 * disputes an open invoice with a reason; the finance manager accepts the dispute; the partner's pages, left open and
 * never reloaded, show the credit note and the new balances (server push through the live-update facility).
 */
public class DocumentsE2E {

    /** How long a decision may take to reach another person's open page by server push. */
    static final double PUSH_TIMEOUT_MS = 15_000;

    /** What the partner disputes of the invoice. */
    static final BigDecimal DISPUTED = new BigDecimal("1.00");

    /** Columns of the partner's documents grid (number, kind, direction, issued, due, total, open, status, payment). */
    static final int KIND_COLUMN = 1;
    static final int STATUS_COLUMN = 7;
    static final int PAYMENT_COLUMN = 8;

    private static final Pattern AMOUNT = Pattern.compile("([A-Z]{3}) (-?[0-9,]+(?:\\.[0-9]+)?)");

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void statementDownloadsMatchTheScreenAndAnAcceptedDisputeIsPushedToThePartner() throws IOException {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Page partner = sessions.signIn("partner");

        // an open receivable invoice of the partner
        partner.navigate(PORTAL.baseUrl() + "/documents");
        Vaadin.select(partner, "documents-direction", "Receivable");
        Vaadin.select(partner, "documents-kind", "Invoice");
        Vaadin.select(partner, "documents-status", "Open");
        Vaadin.waitForCells(partner, "documents-grid", STATUS_COLUMN, "Open", 1);
        // an invoice without an open dispute (the demo has disputed some)
        String number = Vaadin.gridRows(partner, "documents-grid").stream()
                .filter(r -> r.get(KIND_COLUMN).equals("Invoice") && r.get(STATUS_COLUMN).equals("Open")
                        && !r.get(PAYMENT_COLUMN).contains("Disputed"))
                .map(r -> r.get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo partner has no open undisputed invoice"));
        Vaadin.clickRow(partner, "documents-grid", number);
        assertThat(partner.locator("#document-title")).hasText("Invoice " + number);
        long documentId = Long.parseLong(partner.locator("#document-title").getAttribute("data-document-id"));
        Money openBefore = Money.parse(partner.locator("#document-open").innerText());

        // the statement in the invoice's currency, in a second tab of the same session
        Page statement = partner.context().newPage();
        // a tab in the background gets no animation frames: Vaadin's overlays would never settle for a click
        statement.bringToFront();
        statement.navigate(PORTAL.baseUrl() + "/statement");
        statement.locator("#statement-title").waitFor();
        if (!statement.locator("#statement-title").innerText().contains(" · " + openBefore.currency() + " · ")) {
            Vaadin.select(statement, "statement-currency", openBefore.currency());
        }
        assertThat(statement.locator("#statement-title")).containsText(" · " + openBefore.currency() + " · ");
        Money closingBefore = Money.parse(statement.locator("#statement-closing").innerText());
        String partnerName = statement.locator("#statement-title").innerText().split(" · ")[0];

        // CSV: parses, its closing row is the closing balance on the screen, the movements add up
        byte[] csv = download(statement, "statement-csv");
        List<CSVRecord> records = parseCsv(csv);
        CSVRecord closingRow = records.stream().filter(r -> r.get("kind").equals("closing")).findFirst()
                .orElseThrow(() -> new AssertionError("no closing row in the CSV"));
        assertEquals(0, closingBefore.amount().compareTo(new BigDecimal(closingRow.get("balance"))));
        BigDecimal running = new BigDecimal(records.get(0).get("balance"));
        for (CSVRecord r : records) {
            if (!r.get("debit").isEmpty() || !r.get("credit").isEmpty()) {
                running = running.add(new BigDecimal(r.get("debit"))).subtract(new BigDecimal(r.get("credit")));
                assertEquals(0, running.compareTo(new BigDecimal(r.get("balance"))));
            }
        }
        assertEquals(0, running.compareTo(closingBefore.amount()));

        // PDF: a PDF with the partner's name in its text
        byte[] pdf = download(statement, "statement-pdf");
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue("partner name " + partnerName + " in the PDF", text.contains(partnerName));
            assertTrue(text.contains("Closing balance"));
        }
        Vaadin.markDocument(statement);

        // the partner disputes part of the invoice
        partner.bringToFront();
        partner.locator("#document-dispute").click();
        Vaadin.fill(partner, "dispute-amount", DISPUTED.toPlainString());
        Vaadin.fill(partner, "dispute-reason", "Line 1 was delivered damaged (" + token + ")");
        partner.locator("#dispute-send").click();
        Locator card = partner.locator("#document-disputes vaadin-vertical-layout[id^='dispute-']",
                new Page.LocatorOptions().setHasText(token));
        card.waitFor();
        String cardId = card.getAttribute("id");
        long disputeId = Long.parseLong(cardId.substring("dispute-".length()));
        assertThat(partner.locator("#dispute-status-" + disputeId)).hasText("Dispute open");
        Vaadin.markDocument(partner);

        // finance accepts it on the document's page
        Page manager = sessions.signIn("manager");
        manager.navigate(PORTAL.baseUrl() + "/documents/detail?id=" + documentId);
        manager.locator("#dispute-accept-" + disputeId).click();
        assertThat(manager.locator("#dispute-status-" + disputeId)).hasText("Dispute accepted");

        // the partner's open pages follow without reload
        LocatorAssertions.HasTextOptions push = new LocatorAssertions.HasTextOptions().setTimeout(PUSH_TIMEOUT_MS);
        assertThat(partner.locator("#dispute-status-" + disputeId)).hasText("Dispute accepted", push);
        assertThat(partner.locator("#dispute-credit-note-" + disputeId)).isVisible();
        assertThat(partner.locator("#document-open")).hasText(openBefore.minus(DISPUTED).text(), push);
        assertThat(statement.locator("#statement-closing")).hasText(closingBefore.minus(DISPUTED).text(), push);
        assertTrue("the partner's document page was not reloaded", Vaadin.sameDocument(partner));
        assertTrue("the partner's statement page was not reloaded", Vaadin.sameDocument(statement));

        // the credit note is a document of its own the partner can open
        partner.locator("#dispute-credit-note-" + disputeId).click();
        assertThat(partner.locator("#document-title")).containsText("Credit note");
    }

    private static byte[] download(Page page, String linkId) {
        Locator link = page.locator("#" + linkId);
        assertThat(link).hasAttribute("download", Pattern.compile(".*"));
        String url = (String) link.evaluate("a => a.href");
        var response = page.context().request().get(url);
        if (response.status() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.status());
        }
        return response.body();
    }

    private static List<CSVRecord> parseCsv(byte[] csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    /** An amount as the screens show it, e.g. {@code EUR -1,234.50}. */
    record Money(String currency, BigDecimal amount) {

        static Money parse(String text) {
            Matcher m = AMOUNT.matcher(text);
            if (!m.find()) {
                throw new AssertionError("not an amount: " + text);
            }
            return new Money(m.group(1), new BigDecimal(m.group(2).replace(",", "")));
        }

        Money minus(BigDecimal value) {
            return new Money(currency, amount.subtract(value));
        }

        String text() {
            return currency + " " + String.format(java.util.Locale.ROOT, "%,." + Math.max(0, amount.scale()) + "f",
                    amount);
        }
    }
}
