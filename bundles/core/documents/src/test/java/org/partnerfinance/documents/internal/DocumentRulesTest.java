package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.LineDraft;

public class DocumentRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static LineDraft line(String qty, String price, String category, String rate) {
        return new LineDraft("Item", new BigDecimal(qty), new BigDecimal(price), category, new BigDecimal(rate));
    }

    @Test
    public void lineNetRoundsHalfEvenToTheCurrency() {
        assertEquals(new BigDecimal("100.00"), DocumentRules.totals(List.of(line("3", "33.335", "S", "19")), EUR)
                .lines().get(0).net().amount()); // 100.005 -> 100.00 (even)
        assertEquals(new BigDecimal("100.02"), DocumentRules.totals(List.of(line("3", "33.339", "S", "19")), EUR)
                .lines().get(0).net().amount()); // 100.017
        assertEquals(new BigDecimal("0.02"), DocumentRules.totals(List.of(line("1", "0.015", "E", "0")), EUR)
                .lines().get(0).net().amount()); // 0.015 -> 0.02 (even)
        assertEquals(new BigDecimal("1234"), DocumentRules.totals(List.of(line("2", "617.25", "E", "0")), JPY)
                .gross().amount()); // 1234.5 -> 1234 (even)
    }

    @Test
    public void taxIsComputedPerGroupNotPerLine() {
        // three lines of 0.05 at 19 %: per line 0.0095 -> 0.01 each = 0.03; per group 0.15 × 19 % = 0.0285 -> 0.03
        // and ten lines of 0.10 at 7 %: per line 0.007 -> 0.01 each = 0.10; per group 1.00 × 7 % = 0.07
        List<LineDraft> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line("1", "0.10", "S", "7"));
        }
        DocumentRules.Totals t = DocumentRules.totals(lines, EUR);
        assertEquals(1, t.taxes().size());
        assertEquals(new BigDecimal("0.07"), t.tax().amount());
        assertEquals(new BigDecimal("1.07"), t.gross().amount());
    }

    @Test
    public void groupsByCategoryAndRateAndAddsUp() {
        DocumentRules.Totals t = DocumentRules.totals(List.of(line("2", "10.00", "S", "19"),
                line("1", "5.555", "S", "7"), line("1", "3", "Z", "0"), line("1", "-1.00", "S", "19.0")), EUR);
        assertEquals(3, t.taxes().size());
        assertEquals("S", t.taxes().get(0).category());
        assertEquals(new BigDecimal("19.00"), t.taxes().get(0).taxable().amount()); // 20.00 - 1.00, 19 == 19.0
        assertEquals(new BigDecimal("3.61"), t.taxes().get(0).tax().amount());
        assertEquals(new BigDecimal("5.56"), t.taxes().get(1).taxable().amount()); // 5.555 -> 5.56
        assertEquals(new BigDecimal("0.39"), t.taxes().get(1).tax().amount()); // 0.3892
        assertEquals(new BigDecimal("27.56"), t.net().amount());
        assertEquals(new BigDecimal("4.00"), t.tax().amount());
        assertEquals(new BigDecimal("31.56"), t.gross().amount());
        assertEquals(t.net().plus(t.tax()), t.gross());
    }

    @Test
    public void refusesWhatCannotBeRight() {
        assertEquals("lines", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(), EUR)).field());
        assertEquals("lines[0].taxRate", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1", "E", "19")), EUR)).field());
        assertEquals("lines[0].taxRate", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1", "S", "0")), EUR)).field());
        assertEquals("lines[0].taxRate", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1", "S", "-1")), EUR)).field());
        assertEquals("lines[0].taxCategory", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1", "X", "0")), EUR)).field());
        assertEquals("lines[1].quantity", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1", "Z", "0"), line("0", "1", "Z", "0")), EUR))
                .field());
        assertEquals("lines[0].description", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(new LineDraft(" ", BigDecimal.ONE, BigDecimal.ONE, "Z",
                        BigDecimal.ZERO)), EUR)).field());
        assertEquals("lines[0].unitPrice", assertThrows(DocumentValidationException.class,
                () -> DocumentRules.totals(List.of(line("1", "1E+20", "Z", "0")), EUR)).field());
        // L and M (Canary Islands, Ceuta/Melilla) carry rates
        assertEquals(new BigDecimal("0.70"), DocumentRules.totals(List.of(line("1", "10", "L", "7")), EUR).tax()
                .amount());
    }

    @Test
    public void keysAndStatus() {
        assertEquals("INV-1", DocumentRules.numberKey("  inv-1 "));
        assertEquals(DocumentStatus.OPEN, DocumentRules.statusOf(new BigDecimal("10"), new BigDecimal("10.00")));
        assertEquals(DocumentStatus.PARTIALLY_SETTLED, DocumentRules.statusOf(BigDecimal.TEN, BigDecimal.ONE));
        assertEquals(DocumentStatus.SETTLED, DocumentRules.statusOf(BigDecimal.TEN, BigDecimal.ZERO));
    }
}
