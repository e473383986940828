package org.partnerfinance.widget.dsotrend.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.partnerfinance.charts.api.LineChart;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.partner.api.Partner;

/** The chart's points and the figures beside it, from the DSO series of the statement service. */
final class DsoTrend {

    /** Month ends looked back on. */
    static final int MONTHS = 12;
    /** Sales period of each point: the usual 90 days, so that one month's invoicing does not swing the figure. */
    static final int PERIOD_DAYS = 90;

    private DsoTrend() {
    }

    /** One point per month end, labelled {@code Jan 25}; no value where nothing was invoiced in the period. */
    static List<LineChart.Point> points(List<DsoPoint> trend) {
        return trend.stream().map(p -> new LineChart.Point(label(p), p.days())).toList();
    }

    static String label(DsoPoint p) {
        return p.asOf().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format(Locale.ROOT, "%02d", p.asOf().getYear() % 100);
    }

    /** e.g. {@code 42.5 days}, or {@code no sales in the period}. */
    static String days(DsoPoint p) {
        if (p == null || p.days() == null) {
            return "no sales in the period";
        }
        return p.days().setScale(1, RoundingMode.HALF_UP).toPlainString() + " days";
    }

    /**
     * The change of the latest point against the one before with a value, e.g. {@code +3.5 days since Feb 25}; empty
     * when there is nothing to compare.
     */
    static String change(List<DsoPoint> trend) {
        if (trend.isEmpty() || trend.get(trend.size() - 1).days() == null) {
            return "";
        }
        DsoPoint last = trend.get(trend.size() - 1);
        for (int i = trend.size() - 2; i >= 0; i--) {
            BigDecimal before = trend.get(i).days();
            if (before != null) {
                BigDecimal delta = last.days().subtract(before).setScale(1, RoundingMode.HALF_UP);
                String sign = delta.signum() > 0 ? "+" : "";
                return sign + delta.toPlainString() + " days since " + label(trend.get(i));
            }
        }
        return "";
    }

    /** Every currency some partner may be invoiced in, alphabetically. */
    static List<String> currencies(List<Partner> partners) {
        Set<String> codes = new TreeSet<>();
        for (Partner p : partners) {
            p.allowedCurrencies().forEach(c -> codes.add(c.getCurrencyCode()));
        }
        return List.copyOf(codes);
    }

    /** The currency most partners keep their statements in (alphabetically first on a tie), or {@code null}. */
    static String usualCurrency(List<Partner> partners) {
        Map<String, Integer> counts = new HashMap<>();
        for (Partner p : partners) {
            counts.merge(p.defaultCurrency().getCurrencyCode(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
