package org.partnerfinance.widget.myclaims.internal;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG markup, built on the server: one bar per row, its length proportional to the row's
 * value. All text is escaped; colours are Lumo CSS custom properties so the chart follows the theme.
 */
final class StatusBars {

    /** One bar: label on the left, value after the bar, fill colour as a CSS value. */
    record Bar(String label, long value, String color) {
    }

    static final int WIDTH = 320;
    static final int ROW_HEIGHT = 26;
    static final int LABEL_WIDTH = 90;
    static final int VALUE_WIDTH = 40;
    static final int BAR_HEIGHT = 16;

    private StatusBars() {
    }

    /** Length in pixels of a bar for {@code value} when the largest value is {@code max}. */
    static int barLength(long value, long max) {
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round((double) room * value / max));
    }

    static String svg(List<Bar> bars, String title) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW_HEIGHT;
        StringBuilder svg = new StringBuilder(256 + bars.size() * 256);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        int y = 0;
        for (Bar bar : bars) {
            int middle = y + ROW_HEIGHT / 2;
            int length = barLength(bar.value(), max);
            svg.append("<text x=\"0\" y=\"").append(middle).append("\" dominant-baseline=\"middle\" ")
                    .append("style=\"fill: var(--lumo-body-text-color); font-size: 13px\">")
                    .append(escape(bar.label())).append("</text>");
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(middle - BAR_HEIGHT / 2)
                    .append("\" width=\"").append(length).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" rx=\"3\" style=\"fill: ").append(escape(bar.color())).append("\"/>");
            svg.append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(middle)
                    .append("\" dominant-baseline=\"middle\" ")
                    .append("style=\"fill: var(--lumo-secondary-text-color); font-size: 13px\">")
                    .append(String.format(Locale.ROOT, "%d", bar.value())).append("</text>");
            y += ROW_HEIGHT;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
