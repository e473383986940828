package org.partnerfinance.charts.api;

import static org.partnerfinance.charts.api.SvgText.coordinate;
import static org.partnerfinance.charts.api.SvgText.escape;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal stacked bars, one per row (e.g. a partner), each made of signed parts (e.g. the aging buckets of the
 * partner). Positive parts stack to the right of the zero line, negative parts (credits, payments on account) to the
 * left, so that a bar's visible extent never hides an amount that another part cancels. All bars share one scale: the
 * longest positive stack and the longest negative stack together fill the plot width.
 */
public final class StackedBarChart {

    /** One row: its label and one value per series (in the order of the series; {@code null} counts as zero). */
    public record Bar(String label, List<BigDecimal> values) {

        public Bar {
            values = values.stream().map(v -> v == null ? BigDecimal.ZERO : v).toList();
        }

        /** The sum of the parts, what the row is worth. */
        public BigDecimal total() {
            return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Where a non-zero part is drawn: bar row, series index, left edge and width within the chart, in pixels. */
    public record Segment(int bar, int series, double x, double width) {
    }

    /** The horizontal scale of a chart: where zero is and how many pixels one unit is. */
    public record Scale(double zeroX, double pixelsPerUnit) {
    }

    public static final int WIDTH = 640;
    public static final int LABEL_WIDTH = 150;
    public static final int TOTAL_WIDTH = 70;
    public static final int ROW_HEIGHT = 26;
    public static final int BAR_HEIGHT = 16;
    public static final int LEGEND_HEIGHT = 24;
    static final int LABEL_CHARS = 22;

    private StackedBarChart() {
    }

    /** Width of the plot area between the labels and the totals. */
    public static int plotWidth() {
        return WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
    }

    /**
     * The scale that fits every bar: the largest sum of positive parts and the largest sum of negative parts (as
     * magnitudes) share the plot width. With nothing to draw, zero sits at the left edge.
     */
    public static Scale scale(List<Bar> bars) {
        BigDecimal positive = BigDecimal.ZERO;
        BigDecimal negative = BigDecimal.ZERO;
        for (Bar bar : bars) {
            BigDecimal p = BigDecimal.ZERO;
            BigDecimal n = BigDecimal.ZERO;
            for (BigDecimal v : bar.values()) {
                if (v.signum() > 0) {
                    p = p.add(v);
                } else {
                    n = n.add(v.negate());
                }
            }
            positive = positive.max(p);
            negative = negative.max(n);
        }
        BigDecimal span = positive.add(negative);
        if (span.signum() == 0) {
            return new Scale(LABEL_WIDTH, 0);
        }
        double pixelsPerUnit = plotWidth() / span.doubleValue();
        double zeroX = LABEL_WIDTH + negative.divide(span, MathContext.DECIMAL64).doubleValue() * plotWidth();
        return new Scale(zeroX, pixelsPerUnit);
    }

    /** Where every non-zero part of every bar goes (pure geometry, see {@link #scale(List)}). */
    public static List<Segment> layout(List<Bar> bars) {
        Scale scale = scale(bars);
        List<Segment> segments = new ArrayList<>();
        for (int b = 0; b < bars.size(); b++) {
            double right = scale.zeroX();
            double left = scale.zeroX();
            List<BigDecimal> values = bars.get(b).values();
            for (int s = 0; s < values.size(); s++) {
                BigDecimal v = values.get(s);
                if (v.signum() == 0) {
                    continue;
                }
                double width = Math.abs(v.doubleValue()) * scale.pixelsPerUnit();
                if (v.signum() > 0) {
                    segments.add(new Segment(b, s, right, width));
                    right += width;
                } else {
                    left -= width;
                    segments.add(new Segment(b, s, left, width));
                }
            }
        }
        return segments;
    }

    /**
     * The chart as SVG markup: a legend of the series, one row per bar with its label, the parts (each with a tooltip
     * "series: value") and its total on the right. The markup scales to its container's width.
     *
     * @param title  accessible title of the chart
     * @param series the parts' names and colours, in the order of each bar's values
     * @param bars   the rows, top to bottom
     */
    public static String svg(String title, List<Series> series, List<Bar> bars) {
        Objects.requireNonNull(series, "series");
        for (Bar bar : bars) {
            if (bar.values().size() != series.size()) {
                throw new IllegalArgumentException("Bar " + bar.label() + " has " + bar.values().size()
                        + " values for " + series.size() + " series.");
            }
        }
        Scale scale = scale(bars);
        int height = LEGEND_HEIGHT + Math.max(1, bars.size()) * ROW_HEIGHT;
        StringBuilder svg = new StringBuilder(512 + bars.size() * series.size() * 160);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        legend(svg, series);
        if (bars.stream().anyMatch(b -> b.values().stream().anyMatch(v -> v.signum() < 0))) {
            svg.append("<line x1=\"").append(coordinate(scale.zeroX())).append("\" y1=\"").append(LEGEND_HEIGHT)
                    .append("\" x2=\"").append(coordinate(scale.zeroX())).append("\" y2=\"").append(height)
                    .append("\" style=\"stroke: var(--lumo-contrast-30pct); stroke-width: 1\"/>");
        }
        List<Segment> segments = layout(bars);
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            int top = LEGEND_HEIGHT + b * ROW_HEIGHT;
            int middle = top + ROW_HEIGHT / 2;
            svg.append("<text x=\"0\" y=\"").append(middle).append("\" dominant-baseline=\"middle\" ")
                    .append("style=\"fill: var(--lumo-body-text-color); font-size: 12px\">")
                    .append("<title>").append(escape(bar.label())).append("</title>")
                    .append(escape(SvgText.shorten(bar.label(), LABEL_CHARS))).append("</text>");
            for (Segment seg : segments) {
                if (seg.bar() != b) {
                    continue;
                }
                Series s = series.get(seg.series());
                svg.append("<rect x=\"").append(coordinate(seg.x())).append("\" y=\"")
                        .append(middle - BAR_HEIGHT / 2).append("\" width=\"")
                        .append(coordinate(Math.max(0.5, seg.width()))).append("\" height=\"").append(BAR_HEIGHT)
                        .append("\" style=\"fill: ").append(escape(s.color())).append("\"><title>")
                        .append(escape(s.name() + ": " + SvgText.grouped(bar.values().get(seg.series()))))
                        .append("</title></rect>");
            }
            svg.append("<text x=\"").append(WIDTH).append("\" y=\"").append(middle)
                    .append("\" dominant-baseline=\"middle\" text-anchor=\"end\" ")
                    .append("style=\"fill: var(--lumo-secondary-text-color); font-size: 12px\">")
                    .append(escape(SvgText.compact(bar.total()))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        double slot = (double) WIDTH / series.size();
        for (int i = 0; i < series.size(); i++) {
            double x = i * slot;
            svg.append("<rect x=\"").append(coordinate(x)).append("\" y=\"4\" width=\"12\" height=\"12\" rx=\"2\" ")
                    .append("style=\"fill: ").append(escape(series.get(i).color())).append("\"/>");
            svg.append("<text x=\"").append(coordinate(x + 16)).append("\" y=\"10\" dominant-baseline=\"middle\" ")
                    .append("style=\"fill: var(--lumo-secondary-text-color); font-size: 12px\">")
                    .append(escape(series.get(i).name())).append("</text>");
        }
    }
}
