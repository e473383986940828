package org.partnerfinance.widget.reviewqueue.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.ledger.api.Money;

public class QueueSummaryTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

    private static Claim claim(long id, String amount, String currency, String submitted) {
        Money money = Money.of(amount, currency);
        return new Claim(id, "CLM-" + id, "P-1001", "expense", "Expense reimbursement", true, ClaimStatus.SUBMITTED,
                LocalDate.of(2025, 6, 1), "d", money, money, List.of(), List.of(), List.of(), null, null, null, null,
                "partner", Instant.parse(submitted), Instant.parse(submitted), null, null, 0);
    }

    @Test
    public void summarisesCountTotalsPerCurrencyOldestAgeAndTopFive() {
        List<Claim> queue = List.of(
                claim(1, "10.00", "EUR", "2025-06-14T12:00:00Z"),
                claim(2, "20.00", "USD", "2025-06-05T11:00:00Z"),
                claim(3, "5.50", "EUR", "2025-06-10T12:00:00Z"),
                claim(4, "1.00", "EUR", "2025-06-13T12:00:00Z"),
                claim(5, "2.00", "EUR", "2025-06-12T12:00:00Z"),
                claim(6, "3.00", "EUR", "2025-06-11T12:00:00Z"));

        QueueSummary summary = QueueSummary.of(queue, NOW, 5);

        assertEquals(6, summary.waiting());
        assertEquals(List.of(Money.of("21.50", "EUR"), Money.of("20.00", "USD")), summary.totals());
        assertEquals(10, summary.oldestAgeDays());
        assertEquals(List.of(2L, 3L, 6L, 5L, 4L), summary.oldest().stream().map(Claim::id).toList());
    }

    @Test
    public void emptyQueue() {
        QueueSummary summary = QueueSummary.of(List.of(), NOW, 5);
        assertEquals(0, summary.waiting());
        assertEquals(List.of(), summary.totals());
        assertEquals(0, summary.oldestAgeDays());
    }
}
