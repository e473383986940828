package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claimtype.rebate.api.LineProblem;
import org.partnerfinance.claimtype.rebate.api.SalesImportException;

public class SalesCsvTest {

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void readsLinesWithColumnsInAnyOrder() {
        List<Double> progress = new ArrayList<>();
        List<SalesCsv.Line> lines = SalesCsv.parse(csv("Currency,DATE,product,category,quantity,amount\n"
                + "EUR,2026-03-01,SW-100,switches,10,1200.50\n"
                + "EUR,2026-03-02,,,-1,-120.05\n"), progress::add);
        assertEquals(2, lines.size());
        SalesCsv.Line first = lines.get(0);
        assertEquals(2, first.lineNo());
        assertEquals(LocalDate.of(2026, 3, 1), first.date());
        assertEquals("SW-100", first.product());
        assertEquals("switches", first.category());
        assertEquals(0, new BigDecimal("1200.50").compareTo(first.amount()));
        assertNull(lines.get(1).product());
        assertEquals(0, new BigDecimal("-1").compareTo(lines.get(1).quantity()));
        assertTrue(progress.stream().allMatch(p -> p >= 0 && p <= 1));
    }

    @Test
    public void reportsEveryBadLineByNumber() {
        try {
            SalesCsv.parse(csv("date,product,category,quantity,amount,currency\n"
                    + "2026-03-01,A,,1,10.00,EUR\n"
                    + "2026-02-30,A,,1,10.00,EUR\n"
                    + "2026-03-01,A,,one,10.00,EUR\n"
                    + "2026-03-01,A,,1,10.001,EUR\n"
                    + "2026-03-01,A,,1,10.00,EURO\n"
                    + "2026-03-01,A,,1\n"), null);
            fail("bad lines accepted");
        } catch (SalesImportException e) {
            List<Long> lines = e.problems().stream().map(LineProblem::line).toList();
            assertEquals(List.of(3L, 4L, 5L, 6L, 7L), lines);
            assertTrue(e.problems().get(0).message(), e.problems().get(0).message().contains("2026-02-30"));
            assertTrue(e.getMessage().contains("nothing was imported"));
        }
    }

    @Test
    public void namesMissingColumns() {
        try {
            SalesCsv.parse(csv("date,product,amount\n2026-03-01,A,10\n"), null);
            fail("header without quantity accepted");
        } catch (SalesImportException e) {
            assertEquals(1, e.problems().size());
            assertEquals(1, e.problems().get(0).line());
            assertTrue(e.problems().get(0).message().contains("category, quantity, currency"));
        }
    }

    @Test
    public void anEmptyFileIsRefused() {
        try {
            SalesCsv.parse(csv("date,product,category,quantity,amount,currency\n"), null);
            fail("empty file accepted");
        } catch (SalesImportException e) {
            assertTrue(e.problems().get(0).message().contains("no sales lines"));
        }
    }

    @Test
    public void notUtf8IsRefused() {
        byte[] latin1 = "date,product,category,quantity,amount,currency\n2026-03-01,Caf\u00e9,,1,1.00,EUR\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            SalesCsv.parse(latin1, null);
            fail("latin-1 accepted");
        } catch (SalesImportException e) {
            assertTrue(e.problems().get(0).message().contains("UTF-8"));
        }
    }
}
