package org.partnerfinance.documents.ui.internal.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.partnerfinance.charts.api.Series;
import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;

/** The aging grid's columns, its totals row and the chart's bars, from the service's rows. Pure. */
final class AgingTable {

    /** A bucket column: header, colour in the chart, and how to read it from an aging. */
    record Bucket(String key, String header, String color, Function<Aging, BigDecimal> value) {
    }

    static final List<Bucket> BUCKETS = List.of(
            new Bucket("unapplied", "Unapplied", "var(--lumo-contrast-30pct)", Aging::unapplied),
            new Bucket("current", "Current", "var(--lumo-success-color)", Aging::current),
            new Bucket("1-30", "1-30", "#f5c542", Aging::days1to30),
            new Bucket("31-60", "31-60", "#f59e42", Aging::days31to60),
            new Bucket("61-90", "61-90", "#ef6c3a", Aging::days61to90),
            new Bucket("91-120", "91-120", "#d9412b", Aging::days91to120),
            new Bucket("120+", "120+", "#9e1c1c", Aging::over120));

    /** Bars the chart shows at most: beyond that it would not fit a screen; the grid lists every partner. */
    static final int MAX_BARS = 20;

    private AgingTable() {
    }

    static List<Series> series() {
        return BUCKETS.stream().map(b -> new Series(b.header(), b.color())).toList();
    }

    static List<BigDecimal> values(Aging aging) {
        return BUCKETS.stream().map(b -> b.value().apply(aging)).toList();
    }

    /** Every bucket summed over the rows: the totals row. Its total is the sum of the partners' balances. */
    static Aging total(List<AgingRow> rows) {
        BigDecimal[] sum = new BigDecimal[BUCKETS.size()];
        Arrays.fill(sum, BigDecimal.ZERO);
        for (AgingRow row : rows) {
            List<BigDecimal> v = values(row.aging());
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].add(v.get(i));
            }
        }
        return new Aging(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
    }

    /** Rows for the chart: the partners with the most overdue, then the most open, at most {@link #MAX_BARS}. */
    static List<AgingRow> chartRows(List<AgingRow> rows) {
        return rows.stream()
                .sorted(Comparator.comparing((AgingRow r) -> r.aging().overdue()).reversed()
                        .thenComparing(r -> r.aging().total(), Comparator.reverseOrder())
                        .thenComparing(AgingRow::partnerId))
                .limit(MAX_BARS).toList();
    }

    static List<StackedBarChart.Bar> bars(List<AgingRow> rows) {
        List<StackedBarChart.Bar> bars = new ArrayList<>();
        for (AgingRow row : chartRows(rows)) {
            bars.add(new StackedBarChart.Bar(label(row), values(row.aging())));
        }
        return bars;
    }

    static String label(AgingRow row) {
        return row.partnerName() == null || row.partnerName().isBlank() ? row.partnerId()
                : row.partnerId() + " " + row.partnerName();
    }

    /** The caption under the chart, e.g. {@code 20 of 143 partners, most overdue first}. */
    static String chartCaption(int shown, int all) {
        if (shown == all) {
            return all == 1 ? "1 partner" : all + " partners, most overdue first";
        }
        return shown + " of " + all + " partners, most overdue first";
    }
}
