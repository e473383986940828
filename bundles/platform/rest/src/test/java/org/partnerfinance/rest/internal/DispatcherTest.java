package org.partnerfinance.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class DispatcherTest {

    private static final Caller PARTNER = new Caller("pu", "Pat", EnumSet.of(Role.PARTNER_USER), "P-1");
    private static final String GOOD = "pf_good";
    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeTokens tokens = new FakeTokens().with(GOOD, PARTNER).throttled("pf_slow")
            .passwordChange("pf_change");
    private final List<RestResource> resources = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(tokens, () -> resources, new Json());

    /** A resource answering with whatever the test puts in. */
    private static class Echo implements RestResource {
        final String path;
        final Function<RestRequest, RestResponse> answer;

        Echo(String path, Function<RestRequest, RestResponse> answer) {
            this.path = path;
            this.answer = answer;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public RestResponse handle(RestRequest request) {
            return answer.apply(request);
        }

        @Override
        public String openApi() {
            return "{\"paths\": {\"/" + path + "\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
        }
    }

    private ApiAnswer call(String method, String path, String authorization, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return dispatcher.dispatch(new ApiCall(method, ApiServlet.segments(path),
                ApiServlet.query(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null), headers::get,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "192.0.2.1"));
    }

    private ApiAnswer get(String path) {
        return call("GET", path.contains("?") ? path.substring(0, path.indexOf('?')) : path, "Bearer " + GOOD,
                null);
    }

    private JsonNode json(ApiAnswer answer) throws Exception {
        assertEquals(ApiAnswer.JSON, answer.contentType());
        return mapper.readTree(answer.body());
    }

    @Test
    public void withoutATokenEveryEndpointAnswers401WithoutAskingTheDirectory() throws Exception {
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of("u", r.caller().username()))));
        ApiAnswer answer = call("GET", "/me", null, null);
        assertEquals(401, answer.status());
        assertEquals("unauthorized", json(answer).get("code").asText());
        assertTrue(answer.headers().get("WWW-Authenticate").startsWith("Bearer"));
        assertTrue("no lookup for a request without credentials", tokens.asked.isEmpty());
        assertEquals(401, call("GET", "/no-such-thing", null, null).status());
    }

    @Test
    public void aBadTokenOrAnotherSchemeIs401() throws Exception {
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of())));
        ApiAnswer bad = call("GET", "/me", "Bearer pf_bad", null);
        assertEquals(401, bad.status());
        assertTrue(bad.headers().get("WWW-Authenticate").contains("invalid_token"));
        assertEquals(401, call("GET", "/me", "Basic dXNlcjpwYXNz", null).status());
        assertEquals(List.of("pf_bad@192.0.2.1", "null@192.0.2.1"), tokens.asked);
    }

    @Test
    public void throttledAndPasswordChangeAnswers() throws Exception {
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of())));
        ApiAnswer slow = call("GET", "/me", "Bearer pf_slow", null);
        assertEquals(429, slow.status());
        assertEquals("42", slow.headers().get("Retry-After"));
        ApiAnswer change = call("GET", "/me", "bearer pf_change", null);
        assertEquals(403, change.status());
        assertEquals("password_change_required", json(change).get("code").asText());
    }

    @Test
    public void routesByTheFirstSegmentAndHandsOverTheRest() throws Exception {
        resources.add(new Echo("partners", r -> RestResponse.ok(Map.of("segments", r.segments(),
                "caller", r.caller().username(), "q", r.parameter("q").orElse("-")))));
        JsonNode body = json(call("GET", "/partners/P%2F1/x", "Bearer " + GOOD, null));
        assertEquals("pu", body.get("caller").asText());
        assertEquals("P/1", body.get("segments").get(0).asText());
        assertEquals("x", body.get("segments").get(1).asText());
        ApiAnswer missing = get("/nothing");
        assertEquals(404, missing.status());
        assertEquals("not_found", json(missing).get("code").asText());
    }

    @Test
    public void aPathPatternTakesTheRequestsItMatchesExactlyAndLeavesTheOthersToTheFirstSegment() throws Exception {
        resources.add(new Echo("invoices", r -> RestResponse.ok(Map.of("who", "invoices"))));
        resources.add(new Echo("invoices/*/ubl", r -> RestResponse.ok(Map.of("who", "ubl",
                "id", r.segments().get(0)))));
        JsonNode ubl = json(get("/invoices/42/ubl"));
        assertEquals("ubl", ubl.get("who").asText());
        assertEquals("42", ubl.get("id").asText());
        assertEquals("invoices", json(get("/invoices/42")).get("who").asText());
        assertEquals("invoices", json(get("/invoices/42/pdf")).get("who").asText());
        assertEquals("invoices", json(get("/invoices/42/ubl/x")).get("who").asText());
        assertEquals("invoices", json(get("/invoices")).get("who").asText());
        resources.remove(0);
        assertEquals("no resource of the first segment: 404", 404, get("/invoices/42").status());
    }

    @Test
    public void theHighestRankedOfTwoResourcesWithOnePathAnswers() throws Exception {
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of("who", "first"))));
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of("who", "second"))));
        assertEquals("second", json(get("/me")).get("who").asText());
    }

    @Test
    public void errorsAreMappedToStatusCodeMessageAndField() throws Exception {
        resources.add(new Echo("x", r -> {
            switch (r.segments().get(0)) {
                case "denied": throw new AccessDeniedException("You are not allowed to do this.");
                case "invalid": throw new IllegalArgumentException("Amount must be positive.");
                case "field": throw RestException.invalid("amount", "amount is required.");
                case "conflict": throw new ConcurrentChangeException("Changed meanwhile.", null);
                case "state": throw new IllegalStateException("Already paid.");
                case "dup": throw RestException.conflict("duplicate", "Invoice 7 exists.").with("existing",
                        Map.of("id", 7));
                default: throw new NullPointerException("secret internals");
            }
        }));
        ApiAnswer denied = get("/x/denied");
        assertEquals(403, denied.status());
        assertEquals("forbidden", json(denied).get("code").asText());
        assertEquals("You are not allowed to do this.", json(denied).get("message").asText());
        assertEquals(422, get("/x/invalid").status());
        assertNull(json(get("/x/invalid")).get("field"));
        JsonNode field = json(get("/x/field"));
        assertEquals("invalid", field.get("code").asText());
        assertEquals("amount", field.get("field").asText());
        assertEquals(409, get("/x/conflict").status());
        assertEquals(409, get("/x/state").status());
        JsonNode dup = json(get("/x/dup"));
        assertEquals("duplicate", dup.get("code").asText());
        assertEquals(7, dup.get("existing").get("id").asInt());
        ApiAnswer fault = get("/x/boom");
        assertEquals(500, fault.status());
        JsonNode faultBody = json(fault);
        assertEquals("internal_error", faultBody.get("code").asText());
        assertTrue(faultBody.get("message").asText().matches(".*\\(reference [0-9a-f]{8}\\)\\."));
        String raw = new String(fault.body(), StandardCharsets.UTF_8);
        assertFalse("no internals reach the client", raw.contains("secret internals") || raw.contains("at org."));
    }

    @Test
    public void pagingComesFromPageAndSizeAndIsCapped() throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            all.add(i);
        }
        resources.add(new Echo("n", r -> RestResponse.page(all, r.paging())));
        JsonNode first = json(call("GET", "/n", "Bearer " + GOOD, null));
        assertEquals(120, first.get("total").asInt());
        assertEquals(50, first.get("items").size());
        assertEquals(1, first.get("items").get(0).asInt());
        JsonNode third = json(dispatcher.dispatch(new ApiCall("GET", List.of("n"),
                ApiServlet.query("page=3&size=50"), h -> h.equals("Authorization") ? "Bearer " + GOOD : null, new byte[0],
                "192.0.2.1")));
        assertEquals(20, third.get("items").size());
        assertEquals(101, third.get("items").get(0).asInt());
        for (String bad : new String[] { "size=501", "size=0", "page=0", "page=x" }) {
            ApiAnswer answer = dispatcher.dispatch(new ApiCall("GET", List.of("n"), ApiServlet.query(bad),
                    h -> h.equals("Authorization") ? "Bearer " + GOOD : null, new byte[0], "192.0.2.1"));
            assertEquals(bad, 400, answer.status());
            assertEquals(bad, bad.substring(0, bad.indexOf('=')), json(answer).get("field").asText());
        }
    }

    @Test
    public void bodiesMustBeOneJsonObject() throws Exception {
        resources.add(new Echo("b", r -> RestResponse.created(Map.of("amount",
                r.body().money("amount").orElseThrow()))));
        ApiAnswer created = call("POST", "/b", "Bearer " + GOOD,
                "{\"amount\": {\"amount\": \"12.50\", \"currency\": \"EUR\"}}");
        assertEquals(201, created.status());
        assertEquals("12.50", json(created).get("amount").get("amount").asText());
        assertEquals(400, call("POST", "/b", "Bearer " + GOOD, "").status());
        assertEquals(400, call("POST", "/b", "Bearer " + GOOD, "[1]").status());
        assertEquals(400, call("POST", "/b", "Bearer " + GOOD, "{\"a\":1} {}").status());
        assertEquals(400, call("POST", "/b", "Bearer " + GOOD, "{\"a\":").status());
        ApiAnswer wrong = call("POST", "/b", "Bearer " + GOOD, "{\"amount\": {\"amount\": \"1.234\", \"currency\": "
                + "\"EUR\"}}");
        assertEquals(422, wrong.status());
        assertEquals("amount", json(wrong).get("field").asText());
    }

    @Test
    public void openApiNeedsNoTokenAndMergesEveryResource() throws Exception {
        resources.add(new Echo("me", r -> RestResponse.ok(Map.of())));
        resources.add(new Echo("broken", r -> RestResponse.ok(Map.of())) {
            @Override
            public String openApi() {
                return "not json";
            }
        });
        ApiAnswer answer = call("GET", "/openapi.json", null, null);
        assertEquals(200, answer.status());
        JsonNode doc = json(answer);
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertTrue(doc.get("paths").has("/me"));
        assertFalse(doc.get("paths").has("/broken"));
        assertTrue(doc.get("components").get("schemas").has("Money"));
        assertEquals(405, call("POST", "/openapi.json", null, "{}").status());
    }

    @Test
    public void filesAreOfferedAsAttachmentsWithASafeName() {
        resources.add(new Echo("f", r -> RestResponse.file(new byte[] { 1, 2 }, "application/pdf",
                "invoice \"A/1\".pdf")));
        ApiAnswer answer = get("/f");
        assertEquals("application/pdf", answer.contentType());
        assertEquals("attachment; filename=\"invoice__A_1_.pdf\"", answer.headers().get("Content-Disposition"));
    }

    @Test
    public void moneyIsWrittenAsADecimalString() throws Exception {
        resources.add(new Echo("m", r -> RestResponse.ok(Map.of("m", Money.of("1234.5", "EUR"),
                "d", new java.math.BigDecimal("1E+3"), "date", java.time.LocalDate.of(2026, 3, 31)))));
        JsonNode body = json(get("/m"));
        assertEquals("1234.50", body.get("m").get("amount").asText());
        assertTrue(body.get("m").get("amount").isTextual());
        assertEquals("EUR", body.get("m").get("currency").asText());
        assertEquals("1000", body.get("d").asText());
        assertEquals("2026-03-31", body.get("date").asText());
    }

    @Test
    public void bearerHeaderParsing() {
        assertEquals("pf_x", Dispatcher.bearer("Bearer pf_x"));
        assertEquals("pf_x", Dispatcher.bearer("  bearer   pf_x "));
        assertNull(Dispatcher.bearer("Basic abc"));
        assertNull(Dispatcher.bearer("Bearer"));
        assertNull(Dispatcher.bearer("Bearer " + "x".repeat(300)));
    }
}
