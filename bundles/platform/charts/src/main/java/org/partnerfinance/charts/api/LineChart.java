package org.partnerfinance.charts.api;

import static org.partnerfinance.charts.api.SvgText.coordinate;
import static org.partnerfinance.charts.api.SvgText.escape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value over evenly spaced points (e.g. DSO at the last twelve month ends) as a line with a dot per point, a value
 * axis from zero (or the lowest negative value) to a round maximum with grid lines, and the points' labels below. A
 * point without a value (nothing to measure that month) leaves a gap: the line is not drawn through it.
 */
public final class LineChart {

    /** One point: its label on the horizontal axis and its value, or {@code null} for none. */
    public record Point(String label, BigDecimal value) {
    }

    /** Where a point with a value is drawn. */
    public record Plotted(int index, double x, double y) {
    }

    /** The value axis: lowest and highest value shown. */
    public record Axis(BigDecimal min, BigDecimal max) {
    }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    public static final int LEFT = 48;
    public static final int RIGHT = 16;
    public static final int TOP = 12;
    public static final int BOTTOM = 28;
    static final int GRID_LINES = 4;

    private LineChart() {
    }

    /**
     * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above {@code value}; 1 for zero or less,
     * so that an empty chart still has an axis.
     */
    public static BigDecimal niceCeiling(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(value.precision() - value.scale() - 1);
        for (String step : new String[] {"1", "2", "2.5", "5", "10"}) {
            BigDecimal candidate = power.multiply(new BigDecimal(step));
            if (candidate.compareTo(value) >= 0) {
                return candidate.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.TEN).stripTrailingZeros();
    }

    /** The value axis for the points: from zero (or below, for negative values) to a round number. */
    public static Axis axis(List<Point> points) {
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal min = BigDecimal.ZERO;
        for (Point p : points) {
            if (p.value() != null) {
                max = max.max(p.value());
                min = min.min(p.value());
            }
        }
        BigDecimal bottom = min.signum() < 0 ? niceCeiling(min.negate()).negate() : BigDecimal.ZERO;
        return new Axis(bottom, niceCeiling(max));
    }

    /** Horizontal position of point {@code index} of {@code count}: evenly spread, a single point in the middle. */
    public static double x(int index, int count) {
        double plot = WIDTH - LEFT - RIGHT;
        if (count <= 1) {
            return LEFT + plot / 2;
        }
        return LEFT + plot * index / (count - 1);
    }

    /** Vertical position of a value on the axis (SVG y grows downwards). */
    public static double y(BigDecimal value, Axis axis) {
        double plot = HEIGHT - TOP - BOTTOM;
        double span = axis.max().subtract(axis.min()).doubleValue();
        double share = span == 0 ? 0 : value.subtract(axis.min()).doubleValue() / span;
        return TOP + plot * (1 - share);
    }

    /** Where every point with a value goes (pure geometry). */
    public static List<Plotted> layout(List<Point> points) {
        Axis axis = axis(points);
        List<Plotted> plotted = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            BigDecimal v = points.get(i).value();
            if (v != null) {
                plotted.add(new Plotted(i, x(i, points.size()), y(v, axis)));
            }
        }
        return plotted;
    }

    /** Runs of consecutive points with values: each is drawn as one line, gaps stay open. */
    public static List<List<Plotted>> runs(List<Plotted> plotted) {
        List<List<Plotted>> runs = new ArrayList<>();
        List<Plotted> current = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (Plotted p : plotted) {
            if (p.index() != previous + 1 && !current.isEmpty()) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
            previous = p.index();
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    /**
     * The chart as SVG markup.
     *
     * @param title  accessible title
     * @param points the points, left to right
     * @param color  CSS colour of line and dots
     * @param unit   appended to values in tooltips, e.g. {@code days}; may be empty
     */
    public static String svg(String title, List<Point> points, String color, String unit) {
        Axis axis = axis(points);
        StringBuilder svg = new StringBuilder(1024 + points.size() * 256);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        BigDecimal step = axis.max().subtract(axis.min()).divide(BigDecimal.valueOf(GRID_LINES));
        for (int i = 0; i <= GRID_LINES; i++) {
            BigDecimal value = axis.min().add(step.multiply(BigDecimal.valueOf(i)));
            String y = coordinate(y(value, axis));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\" style=\"stroke: ")
                    .append(value.signum() == 0 ? "var(--lumo-contrast-50pct)" : "var(--lumo-contrast-10pct)")
                    .append("; stroke-width: 1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" dominant-baseline=\"middle\" text-anchor=\"end\" ")
                    .append("style=\"fill: var(--lumo-secondary-text-color); font-size: 11px\">")
                    .append(escape(SvgText.compact(value))).append("</text>");
        }
        // labels below the axis; with many points only every other one, so that they do not overlap
        int every = points.size() > 12 ? (points.size() + 11) / 12 : 1;
        for (int i = 0; i < points.size(); i += every) {
            svg.append("<text x=\"").append(coordinate(x(i, points.size()))).append("\" y=\"")
                    .append(HEIGHT - BOTTOM / 2 + 2).append("\" dominant-baseline=\"middle\" text-anchor=\"middle\" ")
                    .append("style=\"fill: var(--lumo-secondary-text-color); font-size: 11px\">")
                    .append(escape(points.get(i).label())).append("</text>");
        }
        List<Plotted> plotted = layout(points);
        for (List<Plotted> run : runs(plotted)) {
            if (run.size() < 2) {
                continue;
            }
            svg.append("<polyline fill=\"none\" style=\"stroke: ").append(escape(color))
                    .append("; stroke-width: 2\" points=\"");
            for (int i = 0; i < run.size(); i++) {
                if (i > 0) {
                    svg.append(' ');
                }
                svg.append(coordinate(run.get(i).x())).append(',').append(coordinate(run.get(i).y()));
            }
            svg.append("\"/>");
        }
        String suffix = unit == null || unit.isBlank() ? "" : " " + unit;
        for (Plotted p : plotted) {
            Point point = points.get(p.index());
            svg.append("<circle cx=\"").append(coordinate(p.x())).append("\" cy=\"").append(coordinate(p.y()))
                    .append("\" r=\"3.5\" style=\"fill: ").append(escape(color)).append("\"><title>")
                    .append(escape(point.label() + ": " + point.value().stripTrailingZeros().toPlainString() + suffix))
                    .append("</title></circle>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
