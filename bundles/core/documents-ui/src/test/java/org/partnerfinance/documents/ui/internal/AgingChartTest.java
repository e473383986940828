package org.partnerfinance.documents.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.Test;
import org.partnerfinance.documents.api.Aging;

public class AgingChartTest {

    private static Aging aging(String unapplied, String current, String d30, String over120) {
        return new Aging(new BigDecimal(unapplied), new BigDecimal(current), new BigDecimal(d30), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(over120));
    }

    @Test
    public void segmentsAreProportionalToTheAmountsAndFitTheBar() {
        int[] widths = AgingChart.widths(AgingChart.segments(aging("-100.00", "200.00", "0.00", "300.00")));
        assertEquals(100, widths[0]);
        assertEquals(200, widths[1]);
        assertEquals(0, widths[2]);
        assertEquals(300, widths[6]);
        assertEquals(AgingChart.WIDTH, Arrays.stream(widths).sum());
    }

    @Test
    public void roundingNeverOverflowsTheBar() {
        int[] widths = AgingChart.widths(AgingChart.segments(aging("0.01", "0.01", "0.01", "0.01")));
        assertTrue(Arrays.stream(widths).sum() <= AgingChart.WIDTH);
    }

    @Test
    public void nothingOpenDrawsNoSegments() {
        int[] widths = AgingChart.widths(AgingChart.segments(aging("0", "0", "0", "0")));
        assertEquals(0, Arrays.stream(widths).sum());
        String svg = AgingChart.svg(aging("0", "0", "0", "0"), "EUR");
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("Current 0.00"));
    }

    @Test
    public void legendHasEveryBucketWithItsAmountAndTheMarkupIsEscaped() {
        String svg = AgingChart.svg(aging("-5.00", "1234.50", "10.00", "0.00"), "EUR\"<");
        assertTrue(svg, svg.contains("Current 1,234.50"));
        assertTrue(svg, svg.contains("Unapplied -5.00"));
        assertTrue(svg, svg.contains("120+ 0.00"));
        assertFalse("the currency is escaped", svg.contains("EUR\"<"));
    }
}
