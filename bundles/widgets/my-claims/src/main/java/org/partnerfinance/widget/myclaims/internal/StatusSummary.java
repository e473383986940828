package org.partnerfinance.widget.myclaims.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;

/** Claims of one status: how many, and their total per currency. */
record StatusSummary(ClaimStatus status, long count, List<Money> totals) {

    StatusSummary {
        totals = List.copyOf(totals);
    }

    /** Statuses in the order a partner follows them. */
    static final List<ClaimStatus> ORDER = List.of(ClaimStatus.DRAFT, ClaimStatus.RETURNED,
            ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.SCHEDULED, ClaimStatus.PAID, ClaimStatus.CLOSED,
            ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN);

    /**
     * Folds the per-status-and-currency totals of the claims service into one summary per status (in {@link #ORDER});
     * statuses without claims are left out.
     */
    static List<StatusSummary> of(List<StatusTotal> totals) {
        Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
        Map<ClaimStatus, List<Money>> sums = new EnumMap<>(ClaimStatus.class);
        for (StatusTotal t : totals) {
            counts.merge(t.status(), t.count(), Long::sum);
            if (t.total() != null) {
                List<Money> list = sums.computeIfAbsent(t.status(), s -> new ArrayList<>());
                int same = -1;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).currency().equals(t.total().currency())) {
                        same = i;
                    }
                }
                if (same < 0) {
                    list.add(t.total());
                } else {
                    list.set(same, list.get(same).plus(t.total()));
                }
            }
        }
        List<StatusSummary> result = new ArrayList<>();
        for (ClaimStatus status : ORDER) {
            long count = counts.getOrDefault(status, 0L);
            if (count > 0) {
                List<Money> money = new ArrayList<>(sums.getOrDefault(status, List.of()));
                money.sort(Comparator.comparing(m -> m.currency().getCurrencyCode()));
                result.add(new StatusSummary(status, count, money));
            }
        }
        return result;
    }

    String label() {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** e.g. {@code EUR 1,234.50 · USD 20.00}. */
    String totalsText() {
        return String.join(" · ", totals.stream().map(Money::format).toList());
    }

    List<String> badgeTheme() {
        return switch (status) {
            case DRAFT -> List.of("badge", "contrast");
            case SUBMITTED, SCHEDULED -> List.of("badge");
            case RETURNED -> List.of("badge", "warning");
            case APPROVED -> List.of("badge", "success");
            case REJECTED -> List.of("badge", "error");
            case WITHDRAWN -> List.of("badge", "contrast", "pill");
            case PAID -> List.of("badge", "success", "primary");
            case CLOSED -> List.of("badge", "success", "contrast");
        };
    }

    String barColor() {
        return switch (status) {
            case DRAFT -> "var(--lumo-contrast-50pct)";
            case SUBMITTED -> "var(--lumo-primary-color)";
            case RETURNED -> "var(--lumo-warning-color, #c97a00)";
            case APPROVED, SCHEDULED -> "var(--lumo-success-color)";
            case REJECTED -> "var(--lumo-error-color)";
            case WITHDRAWN -> "var(--lumo-contrast-30pct)";
            case PAID -> "var(--lumo-success-text-color)";
            case CLOSED -> "var(--lumo-contrast-50pct)";
        };
    }
}
