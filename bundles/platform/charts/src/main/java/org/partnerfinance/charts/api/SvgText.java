package org.partnerfinance.charts.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Text in charts: escaping for SVG markup and number formats for axes, labels and tooltips. */
public final class SvgText {

    private SvgText() {
    }

    /** Escapes text for an SVG element or attribute; {@code null} becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 text: drop them rather than break the chart
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Cuts a label to at most {@code max} characters, ending in an ellipsis when it was cut. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max || max < 2) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    /**
     * A short form for axes and bar ends: {@code 950}, {@code 12.3k}, {@code 4.5M}, {@code 1.2B}, with a minus sign
     * for negative values. One decimal above a thousand, whole numbers below (rounded half up).
     */
    public static String compact(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal abs = value.abs();
        String sign = value.signum() < 0 ? "-" : "";
        String[] suffixes = {"", "k", "M", "B", "T"};
        int step = 0;
        BigDecimal scaled = abs;
        BigDecimal thousand = BigDecimal.valueOf(1000);
        while (step < suffixes.length - 1 && scaled.setScale(1, RoundingMode.HALF_UP).compareTo(thousand) >= 0) {
            scaled = scaled.divide(thousand);
            step++;
        }
        String number;
        if (step == 0) {
            number = scaled.setScale(0, RoundingMode.HALF_UP).toPlainString();
        } else {
            number = scaled.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (number.equals("0")) {
            return "0";
        }
        return sign + number + suffixes[step];
    }

    /** Grouped with two decimals for tooltips, e.g. {@code -1,234.50}. */
    public static String grouped(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    /** A coordinate with at most one decimal, as SVG attributes carry it ({@code 12}, {@code 12.5}). */
    static String coordinate(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return Double.toString(rounded);
    }
}
