package org.partnerfinance.widget.reviewqueue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.ledger.api.Money;

/**
 * What the review-queue card shows: how many claims wait, their total per currency, how long the oldest has waited
 * and the oldest few.
 */
record QueueSummary(int waiting, List<Money> totals, long oldestAgeDays, List<Claim> oldest) {

    QueueSummary {
        totals = List.copyOf(totals);
        oldest = List.copyOf(oldest);
    }

    static QueueSummary of(List<Claim> queue, Instant now, int top) {
        Map<String, Money> totals = new LinkedHashMap<>();
        for (Claim c : queue) {
            if (c.amount() != null) {
                totals.merge(c.amount().currency().getCurrencyCode(), c.amount(), Money::plus);
            }
        }
        List<Money> sorted = new ArrayList<>(totals.values());
        sorted.sort(Comparator.comparing(m -> m.currency().getCurrencyCode()));
        List<Claim> byAge = new ArrayList<>(queue);
        byAge.sort(Comparator.comparing(QueueSummary::waitingSince, Comparator.nullsLast(Comparator.naturalOrder())));
        long oldestAge = byAge.isEmpty() ? 0 : ageInDays(waitingSince(byAge.get(0)), now);
        return new QueueSummary(queue.size(), sorted, oldestAge, byAge.subList(0, Math.min(top, byAge.size())));
    }

    static Instant waitingSince(Claim c) {
        return c.submittedAt() != null ? c.submittedAt() : c.createdAt();
    }

    static long ageInDays(Instant since, Instant now) {
        if (since == null || now.isBefore(since)) {
            return 0;
        }
        return Duration.between(since, now).toDays();
    }
}
