package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Connectors in real browsers: the demo integrator uploads a large CSV export on the Imports screen, watches the
 * progress of the run and reads its report, then retries the run and sees every document come back as a duplicate;
 * finance resolves a bank entry that named no reference from the reconciliation queue with one click, and the partner
 * then sees the invoice paid on the bank's booking date; finance tries the Split dialog on an entry that pays two
 * invoices, then splits it with one click on the suggested split, and the partner sees both paid.
 *
 * <p>Other classes of the suite share the portal and its demo partners: every document and bank entry here carries a
 * token of its own run, and nothing here expects fixed amounts or counts of the demo data.
 */
public class ConnectorsE2E {

    /**
     * Documents of the large upload: enough that the run takes a few seconds (so its progress is shown while it reads
     * the file), few enough that the test stays short on a busy two-core machine. Measured: on a two-core machine at
     * load average 11 the CSV connector created about 30 documents per second, so 20,000 would have taken ten minutes;
     * 500 take about 17 s there, and 3–5 s when the machine is quiet (documents in batches since), which is still
     * 15 or more of the run's progress pushes (every 200 ms).
     */
    static final int LARGE_DOCUMENTS = 500;

    /** How long the large run, or its retry, may take. */
    static final double RUN_TIMEOUT_MS = 120_000;

    /** How long a match may take to reach the partner's open page by server push. */
    static final double PUSH_TIMEOUT_MS = 15_000;

    /** The text beside the progress bar while a run reads its file, e.g. {@code 1,234 of 5,678 bytes read, 12 documents}. */
    private static final Pattern PROGRESS = Pattern.compile("([0-9,]+) of ([0-9,]+) bytes read, ([0-9,]+) documents");

    private static final Pattern RUN_TITLE = Pattern.compile("Run (\\d+)");

    /**
     * Records in {@code window.__pfProgress} every state of the progress text and bar the page shows, in order: the
     * run pushes its progress every 200 ms, and a test that only looked now and then could miss every one of them on a
     * fast machine. Each record keeps the text and the bar's value and maximum at that moment.
     */
    private static final String PROGRESS_RECORDER = """
            () => {
              const seen = window.__pfProgress = [];
              const record = () => {
                const text = document.getElementById('import-progress-text');
                const bar = document.getElementById('import-progress');
                if (!text || !bar) return;
                const entry = { text: (text.textContent || '').trim(), value: Number(bar.value), max: Number(bar.max) };
                const last = seen[seen.length - 1];
                if (!last || last.text !== entry.text || last.value !== entry.value) seen.push(entry);
              };
              new MutationObserver(record).observe(document.body,
                  { childList: true, subtree: true, characterData: true, attributes: true });
              record();
            }""";

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void anIntegratorUploadsALargeFileWatchesItsProgressAndARetryReportsDuplicates() throws IOException {
        String prefix = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT) + "-";
        // the second demo partner: the statement and documents tests work with the first one's invoices
        Path file = Files.createTempFile("erp-export-", ".csv");
        try {
            writeLargeCsv(file, "P-1002", "USD", prefix, LARGE_DOCUMENTS);

            Page integrator = sessions.signIn("integrator");
            integrator.locator("#nav-integration-imports").click();
            integrator.locator("#connectors-view").waitFor();
            Vaadin.select(integrator, "import-connector", "CSV invoices and credit notes");
            integrator.locator("#import-upload input[type=file]").setInputFiles(file);

            // the preview: the first rows as the connector reads them, before anything is imported
            Locator staged = integrator.locator("#import-staged");
            assertThat(staged).containsText(file.getFileName() + " (" + String.format(Locale.ROOT, "%,d",
                    Files.size(file)) + " bytes) is ready to import with CSV invoices and credit notes.");
            assertThat(integrator.locator("#import-preview")).containsText(prefix + "1");
            assertThat(integrator.locator("#import-preview")).containsText(prefix + "10");
            assertThat(integrator.locator("#import-start")).hasText("Import " + file.getFileName());

            integrator.evaluate(PROGRESS_RECORDER);
            integrator.locator("#import-start").click();

            // the bar moves: a state part-way through the file is shown before the run's report
            integrator.waitForFunction("() => (window.__pfProgress || []).some(p => {"
                    + " const m = /^([0-9,]+) of ([0-9,]+) bytes read, ([0-9,]+) documents$/.exec(p.text);"
                    + " if (!m) return false;"
                    + " const read = Number(m[1].replace(/,/g, '')), size = Number(m[2].replace(/,/g, ''));"
                    + " return read > 0 && read < size && p.value > 0 && p.value < p.max; })", null,
                    new Page.WaitForFunctionOptions().setTimeout(RUN_TIMEOUT_MS));

            Locator report = integrator.locator("#import-report");
            Locator counts = report.locator("span[theme~='badge']");
            LocatorAssertions.HasTextOptions run = new LocatorAssertions.HasTextOptions().setTimeout(RUN_TIMEOUT_MS);
            assertThat(counts).hasText(new String[] { "Completed", count(LARGE_DOCUMENTS) + " created",
                    "0 duplicates", "0 rejected" }, run);
            long runId = runId(report);
            Vaadin.waitForNotification(integrator, "Run " + runId + ": " + count(LARGE_DOCUMENTS)
                    + " created, 0 duplicates, 0 rejected.");

            List<Map<String, Object>> progress = progressSeen(integrator);
            List<Map<String, Object>> partWay = progress.stream().filter(ConnectorsE2E::partWay).toList();
            assertFalse("a progress state part-way through the file: " + progress, partWay.isEmpty());
            Matcher first = PROGRESS.matcher(String.valueOf(partWay.get(0).get("text")));
            assertTrue(first.matches());
            assertEquals("the progress text counts the file's bytes", Files.size(file), number(first.group(2)));
            assertEquals("the bar's maximum is the file's size", Files.size(file),
                    ((Number) partWay.get(0).get("max")).longValue());
            long documentsPartWay = number(first.group(3));
            assertTrue("documents part-way: " + documentsPartWay, documentsPartWay < LARGE_DOCUMENTS);

            // the file is kept with its run: a retry imports it again and finds every document there already
            Locator retry = integrator.locator("#run-retry");
            assertThat(retry).hasText("Retry run " + runId);
            retry.click();
            assertThat(counts).hasText(new String[] { "Completed", "0 created", count(LARGE_DOCUMENTS) + " duplicates",
                    "0 rejected" }, run);
            long retryId = runId(report);
            assertNotEquals(runId, retryId);
            Vaadin.waitForNotification(integrator, "Run " + runId + " retried as run " + retryId + ": 0 created, "
                    + count(LARGE_DOCUMENTS) + " duplicates, 0 rejected.");
            // both runs in the latest runs
            Vaadin.waitForRow(integrator, "runs-grid", Long.toString(runId));
            Vaadin.waitForRow(integrator, "runs-grid", Long.toString(retryId));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void financeMatchesABankEntryWithoutReferenceAndThePartnerSeesTheInvoicePaid() throws IOException {
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        // an amount no demo invoice has, the same on two invoices: amount and payer name cannot tell them apart
        String amount = String.format(Locale.ROOT, "%d.%02d", 1000 + ThreadLocalRandom.current().nextInt(9000),
                1 + ThreadLocalRandom.current().nextInt(99));
        String first = "RCN-" + token + "-A";
        String second = "RCN-" + token + "-B";
        LocalDate booked = LocalDate.now().minusDays(2);

        // finance's ERP sends two open invoices of the demo partner P-1001 (the user "partner")
        Path invoices = Files.createTempFile("erp-invoices-", ".csv");
        Path notification = Files.createTempFile("camt054-", ".xml");
        try {
            LocalDate issued = LocalDate.now().minusDays(20);
            Files.writeString(invoices, "partner,number,issue_date,due_date,currency,description,quantity,unit_price,"
                    + "tax_rate\n"
                    + "P-1001," + first + "," + issued + "," + issued.plusDays(30) + ",EUR,Consulting,1," + amount + ",0\n"
                    + "P-1001," + second + "," + issued + "," + issued.plusDays(30) + ",EUR,Consulting,1," + amount
                    + ",0\n", StandardCharsets.UTF_8);
            String imported = PORTAL.distribution().shell("pf:import csv " + invoices);
            assertTrue(imported, imported.contains("Documents 2: created 2, duplicates 0, rejected 0"));
            assertTrue(imported, imported.contains("IMPORT COMPLETED"));

            // the partner opens the second invoice and leaves the page open
            Page partner = sessions.signIn("partner");
            partner.navigate(PORTAL.baseUrl() + "/documents");
            Vaadin.fill(partner, "documents-search", second);
            Vaadin.clickRow(partner, "documents-grid", second);
            assertThat(partner.locator("#document-title")).hasText("Invoice " + second);
            assertThat(partner.locator("#document-settlement")).hasText("Unpaid");
            Vaadin.markDocument(partner);

            // the bank notifies a credit from "Northwind Distribution GmbH" with no reference at all
            String bankReference = "BANK-E2E-" + token;
            Files.writeString(notification, camt054(token, bankReference, booked, amount,
                    "Northwind Distribution GmbH", "Collective payment " + token), StandardCharsets.UTF_8);
            String bankRun = PORTAL.distribution().shell("pf:import camt " + notification);
            assertTrue(bankRun, bankRun.contains("Documents 1: created 1, duplicates 0, rejected 0"));
            assertTrue(bankRun, bankRun.contains("IMPORT COMPLETED"));

            // finance finds it in the reconciliation queue with both invoices suggested
            Page manager = sessions.signIn("manager");
            manager.locator("#nav-finance-bank-reconciliation").click();
            manager.locator("#reconciliation-view").waitFor();
            Locator entryCell = manager.locator("#reconciliation-entries vaadin-grid-cell-content",
                    new Page.LocatorOptions().setHasText("Collective payment " + token));
            entryCell.click();
            Locator detail = manager.locator("#reconciliation-detail");
            assertThat(detail).containsText("credit " + amount + " EUR booked " + booked + ", bank reference "
                    + bankReference);
            assertThat(detail).containsText("Counterparty: Northwind Distribution GmbH");
            Locator firstSuggestion = suggestion(manager, first);
            Locator secondSuggestion = suggestion(manager, second);
            assertThat(firstSuggestion).containsText("amount and counterparty Northwind Distribution GmbH");
            assertThat(secondSuggestion).containsText("amount and counterparty Northwind Distribution GmbH");

            // one click on the suggestion of the invoice the partner has open
            secondSuggestion.locator("vaadin-button[id^='match-']").click();
            Vaadin.waitForNotification(manager, "Matched: the payment is confirmed.");
            // the entry leaves the queue (the grid keeps recycled cells in the page: read its rendered rows)
            Deadline resolved = Deadline.in(PortalBrowser.TIMEOUT);
            while (Vaadin.gridRows(manager, "reconciliation-entries").stream()
                    .anyMatch(r -> r.contains("Collective payment " + token))) {
                resolved.pause("the matched entry is still in the reconciliation queue");
            }

            // the partner's open invoice page follows by server push (the match records and confirms a payment
            // through the documents service, whose events reach the partner's live views): paid on the booking date
            LocatorAssertions.HasTextOptions push = new LocatorAssertions.HasTextOptions().setTimeout(PUSH_TIMEOUT_MS);
            assertThat(partner.locator("#document-settlement")).hasText("Paid on " + booked, push);
            assertTrue("the partner's page was updated by push, not reloaded", Vaadin.sameDocument(partner));

            // the twin invoice stays open
            partner.navigate(PORTAL.baseUrl() + "/documents");
            Vaadin.fill(partner, "documents-search", first);
            Vaadin.waitForRow(partner, "documents-grid", first, DocumentsE2E.STATUS_COLUMN, "Open");
        } finally {
            Files.deleteIfExists(invoices);
            Files.deleteIfExists(notification);
        }
    }

    @Test
    public void financeSplitsOneBankEntryAcrossTwoInvoicesWithOneClickAndThePartnerSeesBothPaid() throws IOException {
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        // amounts no demo invoice has; no single open invoice is their sum
        String amountA = String.format(Locale.ROOT, "%d.%02d", 1000 + ThreadLocalRandom.current().nextInt(9000),
                1 + ThreadLocalRandom.current().nextInt(99));
        String amountB = String.format(Locale.ROOT, "%d.%02d", 1000 + ThreadLocalRandom.current().nextInt(9000),
                1 + ThreadLocalRandom.current().nextInt(99));
        String total = new java.math.BigDecimal(amountA).add(new java.math.BigDecimal(amountB)).toPlainString();
        String first = "SPL-" + token + "-A";
        String second = "SPL-" + token + "-B";
        LocalDate booked = LocalDate.now().minusDays(1);
        Path invoices = Files.createTempFile("erp-invoices-", ".csv");
        Path notification = Files.createTempFile("camt054-", ".xml");
        try {
            LocalDate issued = LocalDate.now().minusDays(15);
            Files.writeString(invoices, "partner,number,issue_date,due_date,currency,description,quantity,unit_price,"
                    + "tax_rate\n"
                    + "P-1001," + first + "," + issued + "," + issued.plusDays(30) + ",EUR,Consulting,1," + amountA
                    + ",0\n"
                    + "P-1001," + second + "," + issued + "," + issued.plusDays(30) + ",EUR,Consulting,1," + amountB
                    + ",0\n", StandardCharsets.UTF_8);
            String imported = PORTAL.distribution().shell("pf:import csv " + invoices);
            assertTrue(imported, imported.contains("IMPORT COMPLETED"));

            // one transfer for both, the remittance names them; the payer's name is not the partner's
            String bankReference = "BANK-SPLIT-" + token;
            Files.writeString(notification, camt054(token, bankReference, booked, total, "Treasury Services SA",
                    "Invoices " + first + " " + second), StandardCharsets.UTF_8);
            String bankRun = PORTAL.distribution().shell("pf:import camt " + notification);
            assertTrue(bankRun, bankRun.contains("IMPORT COMPLETED"));

            Page manager = sessions.signIn("manager");
            manager.locator("#nav-finance-bank-reconciliation").click();
            manager.locator("#reconciliation-view").waitFor();
            manager.locator("#reconciliation-entries vaadin-grid-cell-content",
                    new Page.LocatorOptions().setHasText("Invoices " + first)).click();
            Locator detail = manager.locator("#reconciliation-detail");
            assertThat(detail).containsText("credit " + total + " EUR booked " + booked);
            // the best suggestion is the split of both invoices
            Locator splitSuggestion = manager.locator("#reconciliation-detail vaadin-horizontal-layout",
                    new Page.LocatorOptions().setHasText("split " + first + " + " + second)).filter(
                            new Locator.FilterOptions().setHas(manager.locator("vaadin-button[id^='match-']")));
            assertThat(splitSuggestion).hasCount(1);
            assertThat(splitSuggestion).containsText("#1 (65)");

            // the Split dialog: what remains follows the amounts typed; Confirm waits until they add up
            detail.locator("vaadin-button[id^='split-']").click();
            Locator remaining = manager.locator("#split-remaining");
            assertThat(remaining).containsText("Remaining:");
            Locator firstAmount = manager.locator("vaadin-big-decimal-field[id^='split-amount-']").first();
            firstAmount.locator("input").fill("99999999");
            assertThat(remaining).not().containsText("Remaining:");
            assertThat(manager.locator("#split-confirm")).isDisabled();
            manager.locator("#split-cancel").click();
            assertThat(manager.locator("#split-remaining")).hasCount(0);

            // one click on the suggested split
            splitSuggestion.locator("vaadin-button[id^='match-']").click();
            Vaadin.waitForNotification(manager, "Split: the payment is confirmed and allocated to 2 documents.");

            Page partner = sessions.signIn("partner");
            for (String number : List.of(first, second)) {
                partner.navigate(PORTAL.baseUrl() + "/documents");
                Vaadin.fill(partner, "documents-search", number);
                Vaadin.clickRow(partner, "documents-grid", number);
                assertThat(partner.locator("#document-title")).hasText("Invoice " + number);
                assertThat(partner.locator("#document-settlement")).hasText("Paid on " + booked);
            }
        } finally {
            Files.deleteIfExists(invoices);
            Files.deleteIfExists(notification);
        }
    }

    /** The suggestion row (Match button and label) of the reconciliation detail that names the document. */
    private static Locator suggestion(Page page, String number) {
        Locator row = page.locator("#reconciliation-detail vaadin-horizontal-layout",
                new Page.LocatorOptions().setHasText(" " + number + " ")).filter(
                        new Locator.FilterOptions().setHas(page.locator("vaadin-button[id^='match-']")));
        assertThat(row).hasCount(1);
        return row;
    }

    /** One invoice of one line per document, for one partner, numbered {@code <prefix>1} onwards. */
    static void writeLargeCsv(Path file, String partner, String currency, String prefix, int documents)
            throws IOException {
        LocalDate issued = LocalDate.now().minusDays(10);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("partner,number,issue_date,due_date,currency,description,quantity,unit_price,tax_rate\n");
            for (int i = 1; i <= documents; i++) {
                out.write(partner + "," + prefix + i + "," + issued + "," + issued.plusDays(30) + "," + currency
                        + ",Support subscription,1," + (100 + i % 900) + ".00,19\n");
            }
        }
    }

    /** A camt.054.001.08 notification of one booked credit, totals that add up. */
    static String camt054(String token, String bankReference, LocalDate booked, String amount, String payer,
            String remittance) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-%1$s</MsgId><CreDtTm>%3$sT18:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-%1$s-1</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>%4$s</Sum></TtlNtries></TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt><AcctSvcrRef>%2$s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>%5$s</Nm></Pty></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%6$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(token, bankReference, booked, amount, payer, remittance);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> progressSeen(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.__pfProgress || []");
    }

    private static boolean partWay(Map<String, Object> state) {
        Matcher m = PROGRESS.matcher(String.valueOf(state.get("text")));
        if (!m.matches()) {
            return false;
        }
        long read = number(m.group(1));
        double value = ((Number) state.get("value")).doubleValue();
        double max = ((Number) state.get("max")).doubleValue();
        return read > 0 && read < number(m.group(2)) && value > 0 && value < max;
    }

    /** The id of the run the report shows (its heading "Run N"). */
    private static long runId(Locator report) {
        Matcher m = RUN_TITLE.matcher(report.locator("h3").first().innerText());
        assertTrue("a run heading", m.find());
        return Long.parseLong(m.group(1));
    }

    private static long number(String formatted) {
        return Long.parseLong(formatted.replace(",", ""));
    }

    /** As the report formats counts, e.g. {@code 20,000}. */
    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
