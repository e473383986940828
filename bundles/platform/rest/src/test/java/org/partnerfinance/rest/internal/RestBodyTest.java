package org.partnerfinance.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.rest.api.Paging;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;

public class RestBodyTest {

    private final Json json = new Json();

    private RestBody body(String text) {
        return new RestBody(json.readObject(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(int status, String field, Runnable work) {
        try {
            work.run();
            fail("accepted");
        } catch (RestException e) {
            assertEquals(e.getMessage(), status, e.status());
            assertEquals(field, e.field());
        }
    }

    @Test
    public void typedFields() {
        RestBody b = body("{\"name\": \" Acme \", \"n\": 3, \"d\": 12.30, \"s\": \"0.1\", \"day\": \"2026-03-31\","
                + " \"list\": [\"EUR\", \"USD\"], \"m\": {\"amount\": 5, \"currency\": \"JPY\"}, \"blank\": \" \","
                + " \"lines\": [{\"q\": 1}, {\"q\": \"x\"}]}");
        assertEquals("Acme", b.requiredString("name"));
        assertEquals(Integer.valueOf(3), b.integer("n").get());
        assertEquals(new BigDecimal("12.30"), b.decimal("d").get());
        assertEquals(new BigDecimal("0.1"), b.decimal("s").get());
        assertEquals(new BigDecimal("3"), b.decimal("n").get());
        assertEquals(LocalDate.of(2026, 3, 31), b.date("day").get());
        assertEquals(List.of("EUR", "USD"), b.strings("list"));
        assertEquals(Money.of("5", "JPY"), b.money("m").get());
        assertTrue(b.string("blank").isEmpty());
        assertTrue(b.string("absent").isEmpty());
        refused(422, "name", () -> b.integer("name"));
        refused(422, "n", () -> b.string("n"));
        refused(422, "name", () -> b.date("name"));
        refused(422, "absent", () -> b.requiredString("absent"));
        refused(422, "lines[1].q", () -> b.objects("lines").get(1).decimal("q"));
        refused(422, "m", () -> body("{\"m\": {\"amount\": \"1.001\", \"currency\": \"EUR\"}}").money("m"));
        refused(422, "m.currency", () -> body("{\"m\": {\"amount\": \"1\"}}").money("m"));
    }

    @Test
    public void decimalsNeverPassThroughDouble() {
        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
                body("{\"d\": 0.1000000000000000055511151231257827}").decimal("d").get());
    }

    @Test
    public void limitsOnNestingAndNumberLength() {
        Consumer<String> badRequest = text -> refused(400, null, () -> body(text));
        badRequest.accept("{\"a\":" + "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1) + "}");
        badRequest.accept("{\"n\": 1" + "0".repeat(Json.MAX_NUMBER + 5) + "}");
        refused(422, "s", () -> body("{\"s\": \"1" + "0".repeat(60) + "\"}").decimal("s"));
    }

    @Test
    public void pagingBounds() {
        assertEquals(List.of(3, 4), new Paging(2, 2).slice(List.of(1, 2, 3, 4, 5)));
        assertEquals(List.of(), new Paging(9, 2).slice(List.of(1, 2, 3)));
        assertEquals(100, new Paging(3, 50).offset());
        refused(400, "page", () -> new Paging(0, 10));
        refused(400, "size", () -> new Paging(1, Paging.MAX_SIZE + 1));
    }

    @Test
    public void queryAndPathDecoding() {
        assertEquals(List.of("partners", "A B+C"), ApiServlet.segments("/partners/A%20B+C/"));
        assertEquals(List.of("x y", "a&b"), ApiServlet.query("q=x+y&q=a%26b").get("q"));
        assertEquals(List.of(""), ApiServlet.query("flag").get("flag"));
        refused(400, null, () -> ApiServlet.segments("/partners/%zz"));
    }

    @Test
    public void forwardedAddressesCountOnlyFromTrustedProxies() {
        java.util.Set<String> trusted = java.util.Set.of("10.0.0.5", "::1");
        assertEquals("203.0.113.9", ApiServlet.clientAddress("203.0.113.9", "198.51.100.1", trusted));
        assertEquals("198.51.100.1", ApiServlet.clientAddress("10.0.0.5", "6.6.6.6, 198.51.100.1", trusted));
        assertEquals("198.51.100.2", ApiServlet.clientAddress("[::1]", "198.51.100.2", trusted));
        assertEquals("10.0.0.5", ApiServlet.clientAddress("10.0.0.5", null, trusted));
        assertEquals("10.0.0.5", ApiServlet.clientAddress("10.0.0.5", "1.2.3.4", java.util.Set.of()));
    }
}
