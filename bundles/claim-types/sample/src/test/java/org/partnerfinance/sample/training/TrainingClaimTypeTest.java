package org.partnerfinance.sample.training;

import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;

public class TrainingClaimTypeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final TrainingClaimType type = new TrainingClaimType();

    private static ClaimDraft draft(String amount, Map<String, String> fields) {
        return new ClaimDraft("training", "P-1001", LocalDate.of(2025, 6, 1), "Sales training", Money.of(amount, "EUR"),
                fields, List.of());
    }

    @Test
    public void reimbursesUpToFiveHundredPerAttendee() {
        assertEquals(Money.of("1000", "EUR"), type.eligibleAmount(draft("1200", Map.of("attendees", "2"))));
        assertEquals(Money.of("700", "EUR"), type.eligibleAmount(draft("700", Map.of("attendees", "2"))));
    }

    @Test
    public void attendeesAreWholeAndTrainingIsCompleted() {
        assertEquals(List.of(new Problem("attendees", "Enter the number of attendees as a whole number."),
                new Problem("completed", "Claim the training once it is completed.")),
                type.validate(draft("10", Map.of("attendees", "1.5", "completed", "2025-06-16")), CLOCK));
        assertEquals(List.of(), type.validate(draft("10", Map.of("attendees", "3", "completed", "2025-06-15")), CLOCK));
    }
}
