package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API of the booted distribution with demo data, from an HTTP client: tokens made by {@code pf:token-create},
 * 401 without or with a bad or revoked token, {@code /me}, partner P-1001 asking for P-1002's ids (404 on every
 * partner-scoped endpoint, like a missing id), 409 for a duplicate, 422 naming the field, the size limit, and an
 * OpenAPI document that parses.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class RestApiIT extends ClaimsTestSupport {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TOKEN = Pattern.compile("Token: (pf_[A-Za-z0-9_-]+)");
    /** The request size limit the API ships with ({@code RestConfig}, not overridden in etc/). */
    private static final int LIMIT_KB = 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private HttpClient http;
    private String api;

    @Before
    public void apiIsUp() {
        waitForFeatures("pf-rest");
        api = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + "/api/v1";
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        waitFor("the API at " + api, () -> send(get("/openapi.json", null)).statusCode() == 200);
        waitForCommand("pf:token-create");
    }

    /** A token made at the console for a demo user, as an operator would hand it to an integration. */
    private String token(String username) {
        demoUser(username);
        String output = executeCommand("pf:token-create " + username + " \"rest itest\"");
        Matcher m = TOKEN.matcher(output);
        assertTrue(output, m.find());
        assertTrue(output, output.contains("Authorization: Bearer " + m.group(1)));
        return m.group(1);
    }

    // ------------------------------------------------------------------------------------------------ tokens

    @Test
    public void withoutATokenOrWithABadOneEverythingIs401() throws Exception {
        for (String path : List.of("/me", "/partners", "/claims", "/statement?partner=P-1001", "/nowhere")) {
            HttpResponse<String> none = send(get(path, null));
            assertEquals(path, 401, none.statusCode());
            assertEquals("unauthorized", json(none).get("code").asText());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> bad = send(get(path, "pf_" + "A".repeat(43)));
            assertEquals(path, 401, bad.statusCode());
            assertEquals("unauthorized", json(bad).get("code").asText());
        }
        HttpResponse<String> basic = send(HttpRequest.newBuilder(URI.create(api + "/me")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic cGFydG5lcjpwYXJ0bmVyLWZpbmFuY2UtZGVtbw==").build());
        assertEquals(401, basic.statusCode());
    }

    @Test
    public void aConsoleTokenActsAsItsUserUntilRevoked() throws Exception {
        String token = token("partner");
        HttpResponse<String> me = send(get("/me", token));
        assertEquals(me.body(), 200, me.statusCode());
        JsonNode body = json(me);
        assertEquals("partner", body.get("username").asText());
        assertEquals("P-1001", body.get("partnerId").asText());
        assertEquals("partner-user", body.get("roles").get(0).asText());
        assertEquals("no-store", me.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", me.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue("no session, no cookie", me.headers().allValues("Set-Cookie").isEmpty());

        ApiTokens tokens = getService(ApiTokens.class);
        Caller partner = users.find("partner").orElseThrow();
        String id = tokens.listOwn(partner).stream().filter(t -> token.startsWith(t.prefix())).findFirst()
                .orElseThrow().id();
        assertTrue(tokens.revoke(partner, id).isPresent());
        assertEquals(401, send(get("/me", token)).statusCode());
    }

    // ------------------------------------------------------------------------------------------------ isolation

    @Test
    public void partnerAAskingForPartnerBsIdsGets404Everywhere() throws Exception {
        String token = token("partner");
        Caller partner2 = demoUser("partner2");
        List<Claim> theirs = claims.listForPartner(partner2, PARTNER_2);
        assertFalse(theirs.isEmpty());

        List<String> refused = new ArrayList<>(List.of("/partners/" + PARTNER_2, "/claims?partner=" + PARTNER_2,
                "/statement?partner=" + PARTNER_2 + "&currency=USD", "/partners/P-NOPE"));
        for (Claim claim : theirs) {
            refused.add("/claims/" + claim.id());
        }
        boolean documents = waitForDocumentsService();
        if (documents) {
            refused.addAll(List.of("/invoices?partner=" + PARTNER_2, "/credit-notes?partner=" + PARTNER_2,
                    "/payments?partner=" + PARTNER_2, "/disputes?partner=" + PARTNER_2));
        }
        for (String path : refused) {
            HttpResponse<String> answer = send(get(path, token));
            assertEquals(path + ": " + answer.body(), 404, answer.statusCode());
            assertEquals(path, "not_found", json(answer).get("code").asText());
            assertFalse(path, answer.body().contains("Contoso"));
        }
        // a missing claim id answers exactly like another partner's
        String missing = send(get("/claims/999999999", token)).body();
        String foreign = send(get("/claims/" + theirs.get(0).id(), token)).body();
        assertEquals(missing.replace("999999999", "#"), foreign.replace(Long.toString(theirs.get(0).id()), "#"));

        JsonNode partners = json(send(get("/partners", token)));
        assertEquals(1, partners.get("total").asInt());
        assertEquals(PARTNER_1, partners.get("items").get(0).get("id").asText());
        JsonNode own = json(send(get("/claims?size=500", token)));
        for (JsonNode claim : own.get("items")) {
            assertEquals(PARTNER_1, claim.get("partnerId").asText());
        }
        if (!documents) {
            HttpResponse<String> unavailable = send(get("/invoices", token));
            assertEquals("without the documents service the endpoint says so", 503, unavailable.statusCode());
            assertEquals("unavailable", json(unavailable).get("code").asText());
        }
    }

    private boolean documentsServiceRunning() {
        ServiceReference<?> ref = bundleContext.getServiceReference("org.partnerfinance.documents.api.DocumentService");
        return ref != null;
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Test
    public void aDuplicatePartnerIs409AndInvalidInputIs422WithItsField() throws Exception {
        String token = token("admin");
        HttpResponse<String> duplicate = send(post("/partners", token, "{\"id\": \"" + PARTNER_1 + "\", \"name\": "
                + "\"Again\", \"currencies\": [\"EUR\"]}"));
        assertEquals(duplicate.body(), 409, duplicate.statusCode());
        JsonNode dup = json(duplicate);
        assertEquals("duplicate", dup.get("code").asText());
        assertTrue(dup.get("message").asText(), dup.get("message").asText().contains(PARTNER_1));
        assertEquals(PARTNER_1, dup.get("existing").get("id").asText());

        HttpResponse<String> badPeppol = send(post("/partners", token, "{\"id\": \"P-7001\", \"name\": \"Fabrikam\","
                + " \"peppolId\": \"no-scheme\", \"currencies\": [\"EUR\"]}"));
        assertEquals(badPeppol.body(), 422, badPeppol.statusCode());
        assertEquals("peppolId", json(badPeppol).get("field").asText());
        HttpResponse<String> noName = send(post("/partners", token, "{\"id\": \"P-7001\", \"currencies\": [\"EUR\"]}"));
        assertEquals(422, noName.statusCode());
        assertEquals("name", json(noName).get("field").asText());
        assertEquals(400, send(post("/partners", token, "{not json")).statusCode());

        HttpResponse<String> created = send(post("/partners", token, "{\"id\": \"P-7002\", \"name\": \"Fabrikam\", "
                + "\"vatId\": \"DE123456789\", \"peppolId\": \"0088:5790000435968\", \"currencies\": [\"EUR\", "
                + "\"USD\"], \"paymentTermsDays\": 45}"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode partner = json(created);
        assertEquals("0088:5790000435968", partner.get("peppolId").asText());
        assertEquals(45, partner.get("paymentTermsDays").asInt());
        assertEquals(200, send(get("/partners/P-7002", token)).statusCode());

        String partnerToken = token("partner");
        HttpResponse<String> refused = send(post("/partners", partnerToken, "{\"id\": \"P-7003\", \"name\": \"X\", "
                + "\"currencies\": [\"EUR\"]}"));
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("forbidden", json(refused).get("code").asText());
    }

    @Test
    public void bodiesOverTheLimitAre413() throws Exception {
        String token = token("admin");
        String big = "{\"id\": \"P-7009\", \"name\": \"" + "x".repeat(LIMIT_KB * 1024 + 10) + "\"}";
        assertEquals(413, send(post("/partners", token, big)).statusCode());
    }

    /**
     * The documents endpoints, when the documents service runs: finance records an invoice and a payment of P-1002;
     * P-1001 gets 404 for their ids (as for missing ones), a second invoice with the same number is 409 naming the
     * first, invalid input is 422 with its field.
     */
    @Test
    public void documentsEndpointsIsolateAndRefuseDuplicates() throws Exception {
        org.junit.Assume.assumeTrue("the documents service is not part of this distribution",
                waitForDocumentsService());
        String finance = token("manager");
        String partnerToken = token("partner");
        String number = unique("INV-REST");
        String invoice = "{\"partnerId\": \"" + PARTNER_2 + "\", \"direction\": \"receivable\", \"number\": \"" + number
                + "\", \"issueDate\": \"2026-03-02\", \"currency\": \"USD\", \"lines\": [{\"description\": "
                + "\"Cable\", \"quantity\": \"2\", \"unitPrice\": \"10.00\", \"taxCategory\": \"S\", \"taxRate\": \"10\"}]}";
        HttpResponse<String> created = send(post("/invoices", finance, invoice));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode doc = json(created);
        long id = doc.get("id").asLong();
        assertEquals("22.00", doc.get("gross").get("amount").asText());
        assertEquals("USD", doc.get("gross").get("currency").asText());
        assertEquals(200, send(get("/invoices/" + id, finance)).statusCode());

        HttpResponse<String> again = send(post("/invoices", finance, invoice.replace(number, " " + number.toLowerCase()
                + " ")));
        assertEquals(again.body(), 409, again.statusCode());
        JsonNode duplicate = json(again);
        assertEquals("duplicate", duplicate.get("code").asText());
        assertEquals(id, duplicate.get("existing").get("id").asLong());
        assertTrue(duplicate.get("message").asText(), duplicate.get("message").asText().contains(number));

        HttpResponse<String> noLines = send(post("/invoices", finance, "{\"partnerId\": \"" + PARTNER_2
                + "\", \"direction\": \"receivable\", \"number\": \"" + unique("INV") + "\", \"issueDate\": "
                + "\"2026-03-02\", \"currency\": \"USD\", \"lines\": []}"));
        assertEquals(noLines.body(), 422, noLines.statusCode());
        assertNotNull(noLines.body(), json(noLines).get("field"));
        HttpResponse<String> badDate = send(post("/invoices", finance, invoice.replace("2026-03-02", "March")));
        assertEquals(422, badDate.statusCode());
        assertEquals("issueDate", json(badDate).get("field").asText());

        HttpResponse<String> paid = send(post("/payments", finance, "{\"partnerId\": \"" + PARTNER_2 + "\", "
                + "\"direction\": \"receivable\", \"amount\": \"5.00\", \"currency\": \"USD\", \"valueDate\": "
                + "\"2026-03-03\", \"status\": \"reported\", \"remittance\": \"" + number + "\", \"sourceSystem\": "
                + "\"SAP\"}"));
        assertEquals(paid.body(), 201, paid.statusCode());
        long paymentId = json(paid).get("id").asLong();

        for (String path : List.of("/invoices/" + id, "/invoices/" + id + "/pdf", "/credit-notes/" + id,
                "/payments/" + paymentId, "/invoices?partner=" + PARTNER_2)) {
            HttpResponse<String> answer = send(get(path, partnerToken));
            assertEquals(path + ": " + answer.body(), 404, answer.statusCode());
            assertFalse(path, answer.body().contains(number));
        }
        HttpResponse<String> confirm = send(post("/payments/" + paymentId + "/confirm", partnerToken,
                "{\"bankReference\": \"X\", \"bookingDate\": \"2026-03-04\"}"));
        assertEquals(confirm.body(), 404, confirm.statusCode());
        JsonNode own = json(send(get("/invoices?size=500", partnerToken)));
        for (JsonNode item : own.get("items")) {
            assertEquals(PARTNER_1, item.get("partnerId").asText());
        }
        String foreignDispute = send(post("/disputes", partnerToken, "{\"documentId\": " + id + ", \"amount\": "
                + "\"1.00\", \"reason\": \"wrong\"}")).body();
        String missingDispute = send(post("/disputes", partnerToken, "{\"documentId\": 999999999, \"amount\": "
                + "\"1.00\", \"reason\": \"wrong\"}")).body();
        assertEquals("disputing another partner's invoice answers like a missing one",
                missingDispute.replace("999999999", "#"), foreignDispute.replace(Long.toString(id), "#"));

        HttpResponse<String> statement = send(get("/statement?partner=" + PARTNER_2 + "&currency=USD&asOf=2026-03-31",
                finance));
        assertEquals(statement.body(), 200, statement.statusCode());
        JsonNode st = json(statement);
        java.math.BigDecimal buckets = java.math.BigDecimal.ZERO;
        for (JsonNode bucket : st.get("aging")) {
            buckets = buckets.add(new java.math.BigDecimal(bucket.asText()));
        }
        assertEquals(0, buckets.compareTo(new java.math.BigDecimal(st.get("closing").asText())));
        // downloads come from the document renderer: 501 with a message while none is installed
        boolean renderer = bundleContext.getServiceReference("org.partnerfinance.documents.api.DocumentRenderer")
                != null;
        HttpResponse<byte[]> pdf = sendBytes(get("/invoices/" + id + "/pdf", finance));
        HttpResponse<byte[]> csv = sendBytes(HttpRequest.newBuilder(URI.create(api + "/statement?partner=" + PARTNER_2
                + "&currency=USD&asOf=2026-03-31")).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer "
                + finance).header("Accept", "text/csv").build());
        if (renderer) {
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
            assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        } else {
            assertEquals(501, pdf.statusCode());
            assertEquals(501, csv.statusCode());
            assertTrue(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).contains("not_implemented"));
        }

        HttpResponse<String> aging = send(get("/aging?currency=USD&asOf=2026-03-31", finance));
        assertEquals(aging.body(), 200, aging.statusCode());
        assertEquals(403, send(get("/aging?currency=USD", partnerToken)).statusCode());
    }

    private boolean waitForDocumentsService() {
        org.osgi.framework.Bundle documents = bundle("org.partnerfinance.pf-documents");
        if (documents == null || documents.getHeaders().get("Service-Component") == null) {
            // the documents API alone, without its implementation
            return false;
        }
        waitFor("the documents service", this::documentsServiceRunning);
        return true;
    }

    // ------------------------------------------------------------------------------------------------ description

    @Test
    public void theOpenApiDocumentParsesAndDescribesTheEndpoints() throws Exception {
        HttpResponse<String> answer = send(get("/openapi.json", null));
        assertEquals(200, answer.statusCode());
        JsonNode doc = json(answer);
        assertEquals("3.0.3", doc.get("openapi").asText());
        for (String path : List.of("/me", "/partners", "/partners/{id}", "/claims", "/claims/{id}", "/invoices",
                "/invoices/{id}/pdf", "/credit-notes", "/payments", "/payments/{id}/confirm", "/statement", "/aging",
                "/disputes")) {
            assertNotNull(path, doc.get("paths").get(path));
        }
        assertEquals("http", doc.at("/components/securitySchemes/bearer/type").asText());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return mapper.readTree(response.body());
    }
}
