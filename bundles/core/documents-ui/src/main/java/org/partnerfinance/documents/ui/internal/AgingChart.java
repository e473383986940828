package org.partnerfinance.documents.ui.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.SvgText;

/**
 * The aging of a balance as one horizontal bar built on the server (SVG): a segment per bucket, its width the bucket's
 * share of everything open, current in green turning to red the longer it is overdue; unapplied credits (negative) are
 * a grey segment of their own. A legend under the bar names each bucket with its amount.
 */
final class AgingChart {

    /** One bucket: label, amount, colour as a CSS value. */
    record Segment(String label, BigDecimal amount, String color) {
    }

    static final int WIDTH = 600;
    static final int BAR_HEIGHT = 22;
    static final int LEGEND_ROW = 20;

    private AgingChart() {
    }

    static List<Segment> segments(Aging aging) {
        return List.of(new Segment("Unapplied", aging.unapplied(), "var(--lumo-contrast-40pct)"),
                new Segment("Current", aging.current(), "var(--lumo-success-color)"),
                new Segment("1–30", aging.days1to30(), "hsl(45, 90%, 50%)"),
                new Segment("31–60", aging.days31to60(), "hsl(30, 90%, 50%)"),
                new Segment("61–90", aging.days61to90(), "hsl(15, 85%, 50%)"),
                new Segment("91–120", aging.days91to120(), "hsl(5, 80%, 45%)"),
                new Segment("120+", aging.over120(), "hsl(0, 80%, 35%)"));
    }

    /** Widths in pixels of each segment, proportional to the absolute amounts, adding up to at most {@link #WIDTH}. */
    static int[] widths(List<Segment> segments) {
        BigDecimal total = segments.stream().map(s -> s.amount().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        int[] widths = new int[segments.size()];
        if (total.signum() == 0) {
            return widths;
        }
        for (int i = 0; i < widths.length; i++) {
            BigDecimal share = segments.get(i).amount().abs().multiply(BigDecimal.valueOf(WIDTH))
                    .divide(total, 0, RoundingMode.DOWN);
            widths[i] = share.intValue();
        }
        return widths;
    }

    static String svg(Aging aging, String currency) {
        List<Segment> segments = segments(aging);
        int[] widths = widths(segments);
        int legendRows = (segments.size() + 3) / 4;
        int height = BAR_HEIGHT + 8 + legendRows * LEGEND_ROW;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.append("<title>").append(SvgText.escape("Aging of the balance in " + currency)).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(BAR_HEIGHT)
                .append("\" rx=\"3\" style=\"fill: var(--lumo-contrast-5pct)\"/>");
        int x = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (widths[i] <= 0) {
                continue;
            }
            Segment s = segments.get(i);
            svg.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"").append(widths[i]).append("\" height=\"")
                    .append(BAR_HEIGHT).append("\" style=\"fill: ").append(SvgText.escape(s.color())).append("\">")
                    .append("<title>").append(SvgText.escape(s.label() + ": " + Formats.amount(s.amount(), currency)))
                    .append("</title></rect>");
            x += widths[i];
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int lx = (i % 4) * (WIDTH / 4);
            int ly = BAR_HEIGHT + 8 + (i / 4) * LEGEND_ROW;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly + 3).append("\" width=\"10\" height=\"10\" ")
                    .append("style=\"fill: ").append(SvgText.escape(s.color())).append("\"/>");
            svg.append("<text x=\"").append(lx + 14).append("\" y=\"").append(ly + 12).append("\" ")
                    .append("style=\"fill: var(--lumo-body-text-color); font-size: 12px\">")
                    .append(SvgText.escape(s.label() + " " + Formats.amount(s.amount(), currency))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
