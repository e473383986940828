package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;

public class UiTest {

    @Test
    public void everyStatusHasADistinctBadge() {
        assertEquals(List.of("badge", "success"), Ui.statusTheme(ClaimStatus.APPROVED));
        assertEquals(List.of("badge", "error"), Ui.statusTheme(ClaimStatus.REJECTED));
        // SCHEDULED (approved, payment planned) deliberately looks like SUBMITTED; every other status is distinct
        assertEquals(Ui.statusTheme(ClaimStatus.SUBMITTED), Ui.statusTheme(ClaimStatus.SCHEDULED));
        assertEquals(ClaimStatus.values().length - 1,
                java.util.Arrays.stream(ClaimStatus.values()).map(Ui::statusTheme).distinct().count());
        assertEquals("Submitted", Ui.label(ClaimStatus.SUBMITTED));
    }

    @Test
    public void documentedServiceErrorsAreShownWithTheirMessage() {
        assertEquals("This record belongs to another partner.",
                Ui.messageOf(new AccessDeniedException("This record belongs to another partner.")));
        assertEquals("Enter an amount.",
                Ui.messageOf(new ClaimValidationException(List.of(new Problem("amount", "Enter an amount.")))));
        assertEquals("Claim is already approved.",
                Ui.messageOf(new IllegalTransitionException("Claim is already approved.")));
        assertEquals(Ui.CONCURRENT_CHANGE,
                Ui.messageOf(new ConcurrentChangeException("optimistic lock on ClaimEntity#4", null)));
    }

    @Test
    public void unexpectedErrorsNeverShowInternals() {
        String shown = Ui.messageOf(new NullPointerException("Cannot invoke \"EntityManager.find\""));
        assertEquals(Ui.UNEXPECTED, shown);
        assertEquals(Ui.UNEXPECTED, Ui.messageOf(new IllegalStateException("EntityManagerFactory closed")));
    }

    @Test
    public void ageCountsWholeDaysAndIsNeverNegative() {
        Instant submitted = Instant.parse("2025-03-01T10:00:00Z");
        assertEquals(0, Ui.ageInDays(submitted, Instant.parse("2025-03-02T09:59:59Z")));
        assertEquals(1, Ui.ageInDays(submitted, Instant.parse("2025-03-02T10:00:00Z")));
        assertEquals(0, Ui.ageInDays(submitted, Instant.parse("2025-02-01T00:00:00Z")));
        assertEquals(0, Ui.ageInDays(null, Instant.parse("2025-02-01T00:00:00Z")));
    }

    @Test
    public void claimIdsAreParsedDefensively() {
        assertEquals(42, ClaimDetailView.parseId("42"));
        assertEquals(42, ClaimDetailView.parseId(" 42 "));
        assertEquals(-1, ClaimDetailView.parseId("42; drop table"));
        assertEquals(-1, ClaimDetailView.parseId(null));
    }
}
