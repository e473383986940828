package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Import connectors in the booted distribution with demo data: the CSV connector through the console
 * ({@code pf:import}) and the REST API ({@code POST /api/v1/imports/csv}, {@code GET /api/v1/imports/{id}},
 * {@code GET /api/v1/connectors}); re-imports create nothing and report duplicates; a broken file is a failed run with
 * its reason; only integrators, finance managers and administrators import; a connector switched off or uninstalled
 * refuses runs while its runs and documents stay.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class ConnectorsIT extends PfTestSupport {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("Token: (pf_[A-Za-z0-9_-]+)");
    private static final String HEADER = "partner,number,issue_date,due_date,currency,description,quantity,unit_price,"
            + "tax_rate\n";

    private final ObjectMapper mapper = new ObjectMapper();
    private HttpClient http;
    private String api;
    private DocumentService documents;
    private String partner;
    private String currency;

    /** The demo suite's configuration (see {@link DemoDistributionIT}). */
    @Override
    protected Option[] additionalOptions() {
        return ClaimsTestSupport.demoSuiteOptions();
    }

    @Before
    public void portalIsUp() {
        waitForFeatures("pf-core", "pf-rest", "pf-connectors", "pf-connector-csv", "pf-demo");
        UserDirectory users = getService(UserDirectory.class);
        waitFor("the demo users", BACKGROUND_TIMEOUT, () -> users.find("integrator").isPresent() && users.find("partner").isPresent());
        // the demo's finance history writes documents in long units of work; imports run once it is in
        AuditTrail audit = getService(AuditTrail.class);
        waitFor("the demo finance history", BACKGROUND_TIMEOUT, () -> audit.forEntity("demo", "pf-demo").stream()
                .anyMatch(r -> r.event().action().equals("demo.finance-history-created")));
        documents = getService(DocumentService.class);
        partner = users.find("partner").orElseThrow().partnerId();
        currency = getService(PartnerService.class).find(Caller.system(), partner).orElseThrow()
                .allowedCurrencyCodes().split(", ")[0];
        api = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + "/api/v1";
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        waitFor("the API", () -> send(get("/openapi.json", null)).statusCode() == 200);
        waitForCommand("pf:import");
        waitForCommand("pf:token-create");
    }

    private String csv(String prefix, int documents) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= documents; i++) {
            text.append(partner).append(',').append(prefix).append(i).append(",2026-11-02,2026-12-02,")
                    .append(currency).append(",Routers,2,100.00,19\n");
        }
        return text.toString();
    }

    private String token(String username) {
        String output = executeCommand("pf:token-create " + username + " \"connectors itest\"");
        Matcher m = TOKEN.matcher(output);
        assertTrue(output, m.find());
        return m.group(1);
    }

    @Test
    public void theConsoleImportsACsvFileAndAReimportCreatesNothing() throws IOException {
        String prefix = "CSV-C-" + System.nanoTime() + "-";
        Path file = Files.createTempFile("invoices", ".csv");
        Files.writeString(file, csv(prefix, 3) + partner + "," + prefix + "bad,2026-11-02,,"
                + currency + ",Broken,x,1.00,0\n", StandardCharsets.UTF_8);

        String first = executeCommand("pf:import csv " + file);
        assertTrue(first, first.contains("Documents 4: created 3, duplicates 0, rejected 1"));
        assertTrue(first, first.contains("rejected " + prefix + "bad (line 5): line 5: quantity \"x\" is not a number"));
        assertTrue(first, first.contains("IMPORT COMPLETED"));

        String second = executeCommand("pf:import csv " + file);
        assertTrue(second, second.contains("Documents 4: created 0, duplicates 3, rejected 1"));

        Caller finance = new Caller("itest-finance", "Finance", EnumSet.of(Role.FINANCE_MANAGER), null);
        var found = documents.search(finance, new DocumentQuery(partner, Direction.RECEIVABLE, null, null, null, null,
                prefix, null, DocumentQuery.Sort.NUMBER, true, 0, 50));
        assertEquals(3, found.total());
        for (Document d : found.items()) {
            assertEquals("csv", d.sourceSystem());
            assertEquals(0, new java.math.BigDecimal("238.00").compareTo(d.gross().amount()));
            assertEquals(currency, d.gross().currency().getCurrencyCode());
        }
        AuditTrail audit = getService(AuditTrail.class);
        assertFalse(audit.recentByAction(Caller.system(), "import.completed", 10).isEmpty());
        Files.delete(file);
    }

    /**
     * A watched folder configured at run time (as a file in etc/ would be): a CSV file dropped into it is imported
     * once it stops changing, then moved to processed/ beside its run report; the documents are there and the run is
     * the import service's, by the folder.
     */
    @Test
    public void aWatchedFolderImportsADroppedFileAndMovesItAsideWithItsReport() throws Exception {
        Path folder = Files.createTempDirectory("pf-watch");
        ConfigurationAdmin configurations = getService(ConfigurationAdmin.class);
        Configuration watch = configurations.createFactoryConfiguration("org.partnerfinance.connectors.watch", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("connector", "csv");
        properties.put("folder", folder.toString());
        properties.put("pattern", "*.csv");
        properties.put("interval.seconds", 1);
        watch.update(properties);
        try {
            String prefix = "CSV-W-" + System.nanoTime() + "-";
            // written under a temporary name and renamed when complete, as the folder's documentation asks
            Path partial = folder.resolve("erp-export.csv.part");
            Files.writeString(partial, csv(prefix, 2), StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve("erp-export.csv"));

            Path processed = folder.resolve("processed");
            waitFor("the dropped file to be imported and moved", () -> report(processed).isPresent());
            assertFalse(Files.exists(folder.resolve("erp-export.csv")));
            Path report = report(processed).orElseThrow();
            String summary = Files.readString(report);
            assertTrue(summary, summary.contains("Documents 2: created 2, duplicates 0, rejected 0"));
            assertTrue(summary, summary.trim().endsWith("IMPORT COMPLETED"));

            Caller finance = new Caller("itest-finance", "Finance", EnumSet.of(Role.FINANCE_MANAGER), null);
            assertEquals(2, documents.search(finance, new DocumentQuery(partner, Direction.RECEIVABLE, null, null,
                    null, null, prefix, null, DocumentQuery.Sort.NUMBER, true, 0, 50)).total());
            long runId = Long.parseLong(report.getFileName().toString().split("-", 2)[0]);
            ImportRun run = getService(ImportService.class).find(Caller.system(), runId).orElseThrow();
            assertEquals("folder:" + folder, run.startedBy());
            assertEquals("erp-export.csv", run.fileName());
        } finally {
            watch.delete();
        }
    }

    private static Optional<Path> report(Path processed) {
        try (var moved = Files.list(processed)) {
            return moved.filter(f -> f.getFileName().toString().endsWith("-erp-export.csv.run.txt")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void theApiImportsStreamsAndReportsRunsInTheContractsFields() throws Exception {
        String token = token("integrator");
        String prefix = "CSV-R-" + System.nanoTime() + "-";
        HttpResponse<String> created = send(upload("/imports/csv?filename=erp-export.csv", token, csv(prefix, 2)));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode run = mapper.readTree(created.body());
        assertEquals("csv", run.get("connector").asText());
        assertEquals("completed", run.get("status").asText());
        assertEquals(2, run.get("documents").asInt());
        assertEquals(2, run.get("created").asInt());
        assertEquals(0, run.get("duplicates").asInt());
        assertEquals(0, run.get("rejected").size());
        assertEquals("erp-export.csv", run.get("fileName").asText());
        assertEquals(64, run.get("sha256").asText().length());

        HttpResponse<String> again = send(upload("/imports/csv", token, csv(prefix, 2)));
        JsonNode second = mapper.readTree(again.body());
        assertEquals(0, second.get("created").asInt());
        assertEquals(2, second.get("duplicates").asInt());

        HttpResponse<String> read = send(get("/imports/" + run.get("id").asLong(), token));
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals(run.get("sha256").asText(), mapper.readTree(read.body()).get("sha256").asText());

        JsonNode connectors = mapper.readTree(send(get("/connectors", token)).body());
        JsonNode csv = null;
        for (JsonNode c : connectors.get("items")) {
            if (c.get("id").asText().equals("csv")) {
                csv = c;
            }
        }
        assertTrue(connectors.toString(), csv != null);
        assertEquals("import", csv.get("direction").asText());
        assertTrue(csv.get("enabled").asBoolean());
        assertTrue(csv.get("formats").size() > 0);
        assertFalse(csv.get("name").asText().isBlank());
        boolean pain001 = false;
        for (JsonNode c : connectors.get("items")) {
            pain001 |= c.get("id").asText().equals("pain001") && c.get("direction").asText().equals("export");
        }
        assertTrue("the pain.001 export connector is listed: " + connectors, pain001);

        // a file the connector cannot read is a failed run with its reason, and nothing is written
        HttpResponse<String> broken = send(upload("/imports/csv", token, "partner;number\n" + partner + ";X-1\n"));
        assertEquals(broken.body(), 422, broken.statusCode());
        JsonNode failed = mapper.readTree(broken.body());
        assertEquals("import_failed", failed.get("code").asText());
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("message").asText(), failed.get("message").asText().contains("has no column"));

        assertEquals(404, send(upload("/imports/nowhere", token, "x")).statusCode());
        assertEquals(403, send(upload("/imports/csv", token("partner"), csv("CSV-P-", 1))).statusCode());
        assertEquals(401, send(upload("/imports/csv", "pf_" + "A".repeat(43), csv("CSV-U-", 1))).statusCode());
    }

    /**
     * A run rejected a document because its partner did not exist yet; once the partner is created, the run is
     * retried from the file the portal kept ({@code POST /api/v1/imports/{id}/retry}): the rejected document is
     * created, the others come back as duplicates, and the kept file is the uploaded one, byte for byte.
     */
    @Test
    public void aRunIsRetriedFromItsKeptFileAfterTheMissingPartnerWasCreated() throws Exception {
        String token = token("integrator");
        String prefix = "CSV-R-" + System.nanoTime() + "-";
        String newPartner = "P-" + (System.nanoTime() % 9_000_000_000L + 1_000_000_000L);
        String file = csv(prefix, 2) + newPartner + "," + prefix + "new,2026-11-02,2026-12-02," + currency
                + ",Switches,1,50.00,19\n";
        HttpResponse<String> first = send(upload("/imports/csv", token, file));
        assertEquals(first.body(), 201, first.statusCode());
        JsonNode run = mapper.readTree(first.body());
        assertEquals(2, run.get("created").asInt());
        assertEquals(1, run.get("rejected").size());
        long runId = run.get("id").asLong();

        try (var kept = getService(ImportService.class).runFile(Caller.system(), runId).orElseThrow()) {
            assertEquals(file, new String(kept.readAllBytes(), StandardCharsets.UTF_8));
        }

        getService(PartnerService.class).create(Caller.system(), newPartner, "Retry IT partner",
                org.partnerfinance.partner.api.PartnerKind.RESELLER, java.util.Currency.getInstance(currency));
        HttpResponse<String> retried = send(HttpRequest.newBuilder(URI.create(api + "/imports/" + runId + "/retry"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(retried.body(), 201, retried.statusCode());
        JsonNode again = mapper.readTree(retried.body());
        assertTrue(again.get("id").asLong() > runId);
        assertEquals(1, again.get("created").asInt());
        assertEquals(2, again.get("duplicates").asInt());
        assertEquals(0, again.get("rejected").size());
        assertEquals(run.get("fileName").asText(), again.get("fileName").asText());
        assertEquals(run.get("sha256").asText(), again.get("sha256").asText());

        assertEquals(404, send(HttpRequest.newBuilder(URI.create(api + "/imports/999999999/retry"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(api + "/imports/" + runId + "/retry"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token("partner"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        String console = executeCommand("pf:import-retry " + runId);
        assertTrue(console, console.contains("created 0, duplicates 3, rejected 0"));
    }

    /**
     * The integrators' template connector, built only against the published API jars, dropped into deploy/ of the
     * running portal as an integrator would: it appears in {@code GET /api/v1/connectors}, imports a file through the
     * console, and leaves when its jar is removed, its documents staying.
     */
    @Test
    public void theTemplateConnectorDroppedIntoDeployImportsAndLeavesWhenRemoved() throws Exception {
        Path jar = Path.of(System.getProperty(TEMPLATE_CONNECTOR_PROPERTY));
        assertTrue("build bundles/connectors/template first: " + jar, Files.isRegularFile(jar));
        Path home = Path.of(System.getProperty("karaf.base"));
        Path deployed = home.resolve("deploy").resolve("pf-connector-template.jar");
        // copied beside deploy/ and moved in at once, so that the file installer never reads half a jar
        Path staged = home.resolve("pf-connector-template.jar.part");
        Files.copy(jar, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        String token = token("integrator");
        try {
            waitFor("the template connector", () -> send(get("/connectors", token)).body().contains("\"jsonl\""));
            String prefix = "JSONL-" + System.nanoTime() + "-";
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 2; i++) {
                lines.append("{\"partner\": \"").append(partner).append("\", \"number\": \"").append(prefix).append(i)
                        .append("\", \"issueDate\": \"2026-11-02\", \"dueDate\": \"2026-12-02\", \"currency\": \"")
                        .append(currency).append("\", \"lines\": [{\"description\": \"Routers\", \"quantity\": \"2\", ")
                        .append("\"unitPrice\": \"100.00\", \"taxRate\": \"19\"}]}\n");
            }
            Path file = Files.createTempFile("invoices", ".jsonl");
            Files.writeString(file, lines, StandardCharsets.UTF_8);
            String output = executeCommand("pf:import jsonl " + file);
            assertTrue(output, output.contains("Documents 2: created 2, duplicates 0, rejected 0"));
            Caller finance = new Caller("itest-finance", "Finance", EnumSet.of(Role.FINANCE_MANAGER), null);
            var found = documents.search(finance, new DocumentQuery(partner, Direction.RECEIVABLE, null, null, null,
                    null, prefix, null, DocumentQuery.Sort.NUMBER, true, 0, 50));
            assertEquals(2, found.total());
            assertEquals("example-erp", found.items().get(0).sourceSystem());

            Files.delete(deployed);
            waitFor("the template connector to leave", () -> !send(get("/connectors", token)).body()
                    .contains("\"jsonl\""));
            // the console names the missing connector on the last line scripts read, and creates nothing
            String refused = executeCommand("pf:import jsonl " + file);
            assertTrue(refused, refused.contains("IMPORT FAILED: No connector 'jsonl' is installed"));
            assertFalse(refused, refused.contains("IMPORT COMPLETED"));
            assertEquals("the documents stay", 2, documents.search(finance, new DocumentQuery(partner,
                    Direction.RECEIVABLE, null, null, null, null, prefix, null, DocumentQuery.Sort.NUMBER, true, 0, 50))
                    .total());
            Files.delete(file);
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    @Test
    public void aConnectorSwitchedOffOrUninstalledRefusesRunsAndItsRunsStay() throws Exception {
        String token = token("integrator");
        HttpResponse<String> created = send(upload("/imports/csv", token, csv("CSV-T-" + System.nanoTime() + "-", 1)));
        assertEquals(created.body(), 201, created.statusCode());
        long runId = mapper.readTree(created.body()).get("id").asLong();

        executeCommand("pf:disable csv");
        HttpResponse<String> off = send(upload("/imports/csv", token, csv("CSV-T2-", 1)));
        assertEquals(off.body(), 404, off.statusCode());
        assertTrue(off.body(), off.body().contains("switched off"));
        assertTrue(send(get("/connectors", token)).body().contains("\"enabled\":false"));
        executeCommand("pf:enable csv");

        featuresService.uninstallFeature("pf-connector-csv");
        waitFor("the CSV connector to leave", () -> !send(get("/connectors", token)).body().contains("\"csv\""));
        assertEquals(404, send(upload("/imports/csv", token, csv("CSV-T3-", 1))).statusCode());
        assertEquals(200, send(get("/imports/" + runId, token)).statusCode());

        featuresService.installFeature("pf-connector-csv");
        waitFor("the CSV connector to return", () -> send(get("/connectors", token)).body().contains("\"csv\""));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private HttpRequest upload(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
