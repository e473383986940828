package org.partnerfinance.widget.financeaging.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.partnerfinance.charts.api.Series;
import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.partner.api.Partner;

/** What the card shows, computed from the aging rows of every partner: pure, so that it is tested without a UI. */
final class AgingSummary {

    /** The buckets in the order of a statement, credits on account first; later buckets in warmer colours. */
    static final List<Series> SERIES = List.of(
            new Series("Unapplied", "var(--lumo-contrast-30pct)"),
            new Series("Current", "var(--lumo-success-color)"),
            new Series("1-30", "#f5c542"),
            new Series("31-60", "#f59e42"),
            new Series("61-90", "#ef6c3a"),
            new Series("91-120", "#d9412b"),
            new Series("120+", "#9e1c1c"));

    /** Partners shown beside the total: those with the most overdue. */
    static final int TOP = 5;

    static final String ALL = "All partners";

    private AgingSummary() {
    }

    static List<BigDecimal> buckets(Aging a) {
        return List.of(a.unapplied(), a.current(), a.days1to30(), a.days31to60(), a.days61to90(), a.days91to120(),
                a.over120());
    }

    /** The buckets added up over every partner. */
    static Aging total(List<AgingRow> rows) {
        BigDecimal[] sum = new BigDecimal[7];
        java.util.Arrays.fill(sum, BigDecimal.ZERO);
        for (AgingRow row : rows) {
            List<BigDecimal> b = buckets(row.aging());
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].add(b.get(i));
            }
        }
        return new Aging(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
    }

    /** The {@code top} partners with the most overdue (then the most open), most first; none without anything open. */
    static List<AgingRow> mostOverdue(List<AgingRow> rows, int top) {
        return rows.stream().filter(r -> r.aging().total().signum() != 0 || r.aging().overdue().signum() != 0)
                .sorted(Comparator.comparing((AgingRow r) -> r.aging().overdue()).reversed()
                        .thenComparing(r -> r.aging().total(), Comparator.reverseOrder())
                        .thenComparing(AgingRow::partnerId))
                .limit(top).toList();
    }

    /** The chart's bars: all partners together, then the ones with most overdue. */
    static List<StackedBarChart.Bar> bars(List<AgingRow> rows) {
        List<StackedBarChart.Bar> bars = new ArrayList<>();
        bars.add(new StackedBarChart.Bar(ALL, buckets(total(rows))));
        for (AgingRow row : mostOverdue(rows, TOP)) {
            String name = row.partnerName() == null || row.partnerName().isBlank() ? row.partnerId()
                    : row.partnerName();
            bars.add(new StackedBarChart.Bar(name, buckets(row.aging())));
        }
        return bars;
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
