package org.partnerfinance.charts.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

public class StackedBarChartTest {

    private static final double EPSILON = 1e-6;
    private static final List<Series> TWO = List.of(new Series("Current", "green"), new Series("Overdue", "red"));

    private static StackedBarChart.Bar bar(String label, String... values) {
        return new StackedBarChart.Bar(label, java.util.Arrays.stream(values).map(BigDecimal::new).toList());
    }

    @Test
    public void theLongestBarFillsThePlotAndPartsAreProportional() {
        List<StackedBarChart.Segment> segments = StackedBarChart.layout(List.of(bar("A", "300", "100"),
                bar("B", "100", "0")));
        int plot = StackedBarChart.plotWidth();
        assertEquals(3, segments.size());
        StackedBarChart.Segment a0 = segments.get(0);
        StackedBarChart.Segment a1 = segments.get(1);
        StackedBarChart.Segment b0 = segments.get(2);
        assertEquals(StackedBarChart.LABEL_WIDTH, a0.x(), EPSILON);
        assertEquals(plot * 0.75, a0.width(), EPSILON);
        assertEquals(a0.x() + a0.width(), a1.x(), EPSILON);
        assertEquals(plot * 0.25, a1.width(), EPSILON);
        assertEquals(StackedBarChart.LABEL_WIDTH + plot, a1.x() + a1.width(), EPSILON);
        assertEquals(1, b0.bar());
        assertEquals(plot * 0.25, b0.width(), EPSILON);
    }

    @Test
    public void negativePartsGrowLeftOfTheZeroLine() {
        // bar A: 150 owed, 50 on account; bar B: 100 owed. Span = 150 + 50.
        List<StackedBarChart.Bar> bars = List.of(bar("A", "-50", "150"), bar("B", "0", "100"));
        StackedBarChart.Scale scale = StackedBarChart.scale(bars);
        int plot = StackedBarChart.plotWidth();
        assertEquals(StackedBarChart.LABEL_WIDTH + plot * 0.25, scale.zeroX(), EPSILON);
        List<StackedBarChart.Segment> segments = StackedBarChart.layout(bars);
        StackedBarChart.Segment credit = segments.get(0);
        assertEquals(0, credit.series());
        assertEquals(StackedBarChart.LABEL_WIDTH, credit.x(), EPSILON);
        assertEquals(scale.zeroX(), credit.x() + credit.width(), EPSILON);
        StackedBarChart.Segment owed = segments.get(1);
        assertEquals(scale.zeroX(), owed.x(), EPSILON);
        assertEquals(StackedBarChart.LABEL_WIDTH + plot, owed.x() + owed.width(), EPSILON);
    }

    @Test
    public void nothingToDrawGivesNoSegmentsAndStillValidMarkup() {
        assertTrue(StackedBarChart.layout(List.of(bar("A", "0", "0"))).isEmpty());
        String svg = StackedBarChart.svg("Empty", TWO, List.of());
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertFalse(svg.contains("NaN"));
        assertFalse(svg.contains("Infinity"));
    }

    @Test
    public void labelsAndTitlesAreEscapedAndTotalsShown() {
        String svg = StackedBarChart.svg("Aging <EUR>", TWO, List.of(bar("Smith & <Sons>", "1200.50", "300")));
        assertTrue(svg.contains("<title>Aging &lt;EUR&gt;</title>"));
        assertTrue(svg.contains("Smith &amp; &lt;Sons&gt;"));
        assertFalse(svg.contains("<Sons>"));
        assertTrue(svg.contains("<title>Current: 1,200.50</title>"));
        assertTrue(svg.contains(">1.5k</text>"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aBarNeedsOneValuePerSeries() {
        StackedBarChart.svg("x", TWO, List.of(bar("A", "1")));
    }
}
