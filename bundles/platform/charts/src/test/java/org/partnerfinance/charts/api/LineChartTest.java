package org.partnerfinance.charts.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class LineChartTest {

    private static final double EPSILON = 1e-6;

    private static LineChart.Point point(String label, String value) {
        return new LineChart.Point(label, value == null ? null : new BigDecimal(value));
    }

    private static void assertValue(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    @Test
    public void roundCeilings() {
        assertValue("50", LineChart.niceCeiling(new BigDecimal("38.5")));
        assertValue("1E+2", LineChart.niceCeiling(new BigDecimal("100")));
        assertValue("2E+2", LineChart.niceCeiling(new BigDecimal("101")));
        assertValue("25", LineChart.niceCeiling(new BigDecimal("21")));
        assertValue("0.5", LineChart.niceCeiling(new BigDecimal("0.3")));
        assertValue("1", LineChart.niceCeiling(BigDecimal.ZERO));
        assertValue("1", LineChart.niceCeiling(null));
    }

    @Test
    public void pointsAreSpreadEvenlyAndScaledFromZeroToTheCeiling() {
        List<LineChart.Point> points = List.of(point("Jan", "0"), point("Feb", "20"), point("Mar", "40"));
        List<LineChart.Plotted> plotted = LineChart.layout(points);
        assertEquals(3, plotted.size());
        assertEquals(LineChart.LEFT, plotted.get(0).x(), EPSILON);
        assertEquals(LineChart.WIDTH - LineChart.RIGHT, plotted.get(2).x(), EPSILON);
        assertEquals((plotted.get(0).x() + plotted.get(2).x()) / 2, plotted.get(1).x(), EPSILON);
        // axis 0..50: zero at the bottom of the plot, 40 at 80 % of its height
        double plotHeight = LineChart.HEIGHT - LineChart.TOP - LineChart.BOTTOM;
        assertEquals(LineChart.TOP + plotHeight, plotted.get(0).y(), EPSILON);
        assertEquals(LineChart.TOP + plotHeight * 0.2, plotted.get(2).y(), EPSILON);
    }

    @Test
    public void negativeValuesExtendTheAxisBelowZero() {
        LineChart.Axis axis = LineChart.axis(List.of(point("a", "-3"), point("b", "12")));
        assertValue("-5", axis.min());
        assertValue("2E+1", axis.max());
    }

    @Test
    public void pointsWithoutValueLeaveAGapInTheLine() {
        List<LineChart.Point> points = List.of(point("1", "10"), point("2", "12"), point("3", null),
                point("4", "9"), point("5", "8"));
        List<List<LineChart.Plotted>> runs = LineChart.runs(LineChart.layout(points));
        assertEquals(2, runs.size());
        assertEquals(List.of(0, 1), runs.get(0).stream().map(LineChart.Plotted::index).toList());
        assertEquals(List.of(3, 4), runs.get(1).stream().map(LineChart.Plotted::index).toList());
        String svg = LineChart.svg("DSO", points, "blue", "days");
        assertEquals(2, svg.split("<polyline", -1).length - 1);
        assertEquals(4, svg.split("<circle", -1).length - 1);
        assertTrue(svg.contains("<title>2: 12 days</title>"));
    }

    @Test
    public void aSinglePointSitsInTheMiddleAndEmptyChartsAreValid() {
        assertEquals(LineChart.LEFT + (LineChart.WIDTH - LineChart.LEFT - LineChart.RIGHT) / 2.0,
                LineChart.x(0, 1), EPSILON);
        String svg = LineChart.svg("Nothing <yet>", List.of(), "blue", "");
        assertTrue(svg.contains("Nothing &lt;yet&gt;"));
        assertFalse(svg.contains("NaN"));
    }

    @Test
    public void manyPointsGetThinnedLabels() {
        List<LineChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            points.add(point("m" + i, String.valueOf(i)));
        }
        String svg = LineChart.svg("x", points, "blue", "");
        assertTrue(svg.contains(">m0</text>"));
        assertFalse(svg.contains(">m1</text>"));
        assertTrue(svg.contains(">m2</text>"));
    }
}
