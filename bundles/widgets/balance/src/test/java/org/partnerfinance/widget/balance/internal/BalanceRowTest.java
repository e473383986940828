package org.partnerfinance.widget.balance.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Statement;

public class BalanceRowTest {

    private static Statement statement(String closing, String current, String overdue30, String over120) {
        Aging aging = new Aging(BigDecimal.ZERO, new BigDecimal(current), new BigDecimal(overdue30), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(over120));
        return new Statement("P-1", "Northwind", "EUR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1),
                BigDecimal.ZERO, new BigDecimal(closing), List.of(), aging);
    }

    @Test
    public void overdueIsTheSumOfThePastDueBuckets() {
        BalanceRow row = BalanceRow.of(statement("1000.00", "400.00", "100.00", "500.00"));
        assertEquals(new BigDecimal("1000.00"), row.closing());
        assertEquals(new BigDecimal("600.00"), row.overdue());
        assertEquals(60, row.overduePercent());
        assertTrue(row.svg().contains("width=\"120\""));
    }

    @Test
    public void nothingOwedMeansNoOverdueBar() {
        assertEquals(0, BalanceRow.of(statement("-50.00", "-50.00", "0", "0")).overduePercent());
        assertEquals(0, BalanceRow.of(statement("0.00", "0", "0", "0")).overduePercent());
    }

    @Test
    public void creditsNeverPushTheShareOverAHundred() {
        // 300 overdue, 100 unapplied credit... the balance is less than what is overdue
        BalanceRow row = new BalanceRow("EUR", new BigDecimal("200.00"), new BigDecimal("300.00"));
        assertEquals(100, row.overduePercent());
    }

    @Test
    public void amountsUseTheCurrencysDecimals() {
        assertEquals("1,234.50", BalanceRow.amount(new BigDecimal("1234.5"), "EUR"));
        assertEquals("1,235", BalanceRow.amount(new BigDecimal("1235"), "JPY"));
    }
}
