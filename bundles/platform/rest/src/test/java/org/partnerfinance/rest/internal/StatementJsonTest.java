package org.partnerfinance.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The statement's JSON has exactly the contract's members, with amounts as decimal strings. */
public class StatementJsonTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    public void contractShape() throws Exception {
        Statement statement = new Statement("P-1", "Acme", "EUR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                d("100.00"), d("250.00"),
                List.of(new StatementLine(LocalDate.of(2026, 2, 1), "invoice", Direction.RECEIVABLE, "INV-1",
                        d("200.00"), d("0.00"), d("300.00"), 7L, null),
                        new StatementLine(LocalDate.of(2026, 3, 1), "payment-received", Direction.RECEIVABLE, "BANK-9",
                                d("0.00"), d("50.00"), d("250.00"), null, 3L)),
                new Aging(d("-10.00"), d("60.00"), d("200.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00")));
        Json json = new Json();
        JsonNode node = new ObjectMapper().readTree(json.write(StatementResource.json(statement)));
        assertEquals(List.of("partner", "currency", "from", "asOf", "opening", "closing", "lines", "aging"),
                names(node));
        assertEquals("P-1", node.get("partner").asText());
        assertEquals("2026-03-31", node.get("asOf").asText());
        assertTrue(node.get("closing").isTextual());
        assertEquals("250.00", node.get("closing").asText());
        assertEquals(List.of("date", "kind", "number", "debit", "credit", "balance"), names(node.get("lines").get(0)));
        assertEquals("payment-received", node.get("lines").get(1).get("kind").asText());
        assertEquals("50.00", node.get("lines").get(1).get("credit").asText());
        JsonNode aging = node.get("aging");
        assertEquals(List.of("unapplied", "current", "1-30", "31-60", "61-90", "91-120", "120+"), names(aging));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode bucket : aging) {
            assertTrue(bucket.isTextual());
            sum = sum.add(new BigDecimal(bucket.asText()));
        }
        assertEquals(0, sum.compareTo(new BigDecimal(node.get("closing").asText())));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
