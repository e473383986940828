package org.partnerfinance.documents.ui.internal.finance;

import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.charts.api.LineChart;
import org.partnerfinance.documents.api.DsoPoint;

/** How the DSO screen words and orders its figures. Pure. */
final class DsoFigures {

    /** Sales period of every DSO figure: the usual 90 days, so that one month's invoicing does not swing it. */
    static final int PERIOD_DAYS = 90;
    /** Month ends in the trend. */
    static final int MONTHS = 12;

    private DsoFigures() {
    }

    /** e.g. {@code 42.5}, or {@code -} when nothing was invoiced in the period. */
    static String days(DsoPoint p) {
        return p == null || p.days() == null ? "-" : p.days().setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** e.g. {@code Mar 25}. */
    static String month(DsoPoint p) {
        return p.asOf().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format(Locale.ROOT, "%02d", p.asOf().getYear() % 100);
    }

    static List<LineChart.Point> points(List<DsoPoint> trend) {
        return trend.stream().map(p -> new LineChart.Point(month(p), p.days())).toList();
    }

    /** Partners with the longest DSO first; those without sales in the period last. */
    static List<DsoPoint> longestFirst(List<DsoPoint> points) {
        return points.stream().sorted(Comparator.comparing(DsoPoint::days,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(DsoPoint::partnerId)).toList();
    }
}
