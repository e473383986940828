package org.partnerfinance.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.Test;

/** The demo's rates cover two years up to today, one a month. */
public class DemoRatesTest {

    @Test
    public void oneRateAMonthForTwoYearsAndOneForToday() {
        List<String> lines = DemoRates.csv(Currency.getInstance("USD"), new java.math.BigDecimal("0.92"),
                LocalDate.of(2026, 12, 2)).lines().toList();
        assertEquals(DemoRates.MONTHS + 2, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("2024-12-01,USD,0."));
        assertEquals("2026-12-02,USD,0.92", lines.get(lines.size() - 1));
    }

    @Test
    public void onTheFirstOfAMonthTodayIsThatMonthsRate() {
        List<String> lines = DemoRates.csv(Currency.getInstance("GBP"), new java.math.BigDecimal("1.17"),
                LocalDate.of(2026, 12, 1)).lines().toList();
        assertEquals(DemoRates.MONTHS + 1, lines.size());
        assertTrue(lines.get(lines.size() - 1).startsWith("2026-12-01,GBP,"));
    }
}
