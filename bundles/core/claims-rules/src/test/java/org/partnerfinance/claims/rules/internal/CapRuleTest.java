package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.partnerfinance.claims.rules.internal.Fixtures.claim;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

public class CapRuleTest {

    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);

    private static ComplianceFinding check(CapPeriod period, LocalDate date, String amount, String currency,
            Long claimId, List<Claim> earlier) {
        RuleSettings settings = Fixtures.settings(0, 0, null, "EUR 1000.00", "EUR 5000.00, USD 300", period, 0, true,
                null);
        return new CapRule(settings).check(new ComplianceSubject(Fixtures.draft(date, amount, currency), claimId,
                earlier));
    }

    @Test
    public void aClaimAboveTheCapPerClaimFailsWithTheNumbers() {
        ComplianceFinding finding = check(CapPeriod.QUARTER, MAY_10, "1200.00", "EUR", null, List.of());
        assertEquals(ComplianceOutcome.FAIL, finding.outcome());
        assertEquals(ComplianceCodes.CAP, finding.code());
        assertEquals("This claim of EUR 1,200.00 is above the cap of EUR 1,000.00 per claim; it would exceed it by "
                + "EUR 200.00.", finding.message());
        assertEquals(ComplianceOutcome.PASS, check(CapPeriod.QUARTER, MAY_10, "1000.00", "EUR", null, List.of())
                .outcome());
    }

    @Test
    public void thePeriodCapCountsClaimsUnderReviewApprovedScheduledAndPaidOfTheSameQuarter() {
        List<Claim> earlier = List.of(
                claim(1, ClaimStatus.SUBMITTED, LocalDate.of(2026, 4, 1), "1000.00", "EUR"),
                claim(2, ClaimStatus.APPROVED, LocalDate.of(2026, 4, 20), "1000.00", "EUR"),
                claim(3, ClaimStatus.PAID, LocalDate.of(2026, 5, 2), "1000.00", "EUR"),
                claim(4, ClaimStatus.SCHEDULED, LocalDate.of(2026, 6, 30), "700.00", "EUR"),
                claim(5, ClaimStatus.RETURNED, LocalDate.of(2026, 6, 1), "500.00", "EUR"),
                // not counted: draft, rejected, withdrawn, other quarter, other currency, other type, other partner
                claim(6, ClaimStatus.DRAFT, MAY_10, "999.00", "EUR"),
                claim(7, ClaimStatus.REJECTED, MAY_10, "999.00", "EUR"),
                claim(8, ClaimStatus.WITHDRAWN, MAY_10, "999.00", "EUR"),
                claim(9, ClaimStatus.APPROVED, LocalDate.of(2026, 3, 31), "999.00", "EUR"),
                claim(10, ClaimStatus.APPROVED, LocalDate.of(2026, 7, 1), "999.00", "EUR"),
                claim(11, ClaimStatus.APPROVED, MAY_10, "999.00", "USD"),
                claim(12, "mdf", ClaimStatus.APPROVED, MAY_10, "999.00", "EUR", "mdf", List.of(), List.of()),
                Fixtures.forPartner(claim(13, ClaimStatus.APPROVED, MAY_10, "999.00", "EUR"), "P-1002"));
        ComplianceFinding over = check(CapPeriod.QUARTER, MAY_10, "900.00", "EUR", null, earlier);
        assertEquals(ComplianceOutcome.FAIL, over.outcome());
        assertEquals("EUR 4,200.00 claimed this quarter (2026-04-01 to 2026-06-30) of EUR 5,000.00; this claim of "
                + "EUR 900.00 would exceed it by EUR 100.00.", over.message());

        ComplianceFinding exactly = check(CapPeriod.QUARTER, MAY_10, "800.00", "EUR", null, earlier);
        assertEquals(ComplianceOutcome.PASS, exactly.outcome());
        assertEquals("Within the caps: EUR 5,000.00 of EUR 5,000.00 claimed this quarter (2026-04-01 to 2026-06-30) "
                + "with this claim.", exactly.message());
    }

    @Test
    public void aClaimIsNotCountedAgainstItselfWhenItIsSubmittedFromADraft() {
        List<Claim> earlier = List.of(claim(1, ClaimStatus.APPROVED, MAY_10, "4500.00", "EUR"),
                claim(2, ClaimStatus.RETURNED, MAY_10, "900.00", "EUR"));
        assertEquals(ComplianceOutcome.PASS, check(CapPeriod.QUARTER, MAY_10, "500.00", "EUR", 2L, earlier)
                .outcome());
        assertEquals(ComplianceOutcome.FAIL, check(CapPeriod.QUARTER, MAY_10, "500.00", "EUR", null, earlier)
                .outcome());
    }

    @Test
    public void periodBoundariesFollowTheCalendar() {
        List<Claim> earlier = List.of(claim(1, ClaimStatus.APPROVED, LocalDate.of(2026, 4, 30), "4800.00", "EUR"));
        // same month, same quarter, same year
        assertEquals(ComplianceOutcome.FAIL, check(CapPeriod.MONTH, LocalDate.of(2026, 4, 1), "300.00", "EUR", null,
                earlier).outcome());
        assertEquals(ComplianceOutcome.PASS, check(CapPeriod.MONTH, LocalDate.of(2026, 5, 1), "300.00", "EUR", null,
                earlier).outcome());
        assertEquals(ComplianceOutcome.FAIL, check(CapPeriod.QUARTER, LocalDate.of(2026, 6, 30), "300.00", "EUR",
                null, earlier).outcome());
        assertEquals(ComplianceOutcome.PASS, check(CapPeriod.QUARTER, LocalDate.of(2026, 7, 1), "300.00", "EUR",
                null, earlier).outcome());
        assertEquals(ComplianceOutcome.FAIL, check(CapPeriod.YEAR, LocalDate.of(2026, 12, 31), "300.00", "EUR", null,
                earlier).outcome());
        assertEquals(ComplianceOutcome.PASS, check(CapPeriod.YEAR, LocalDate.of(2027, 1, 1), "300.00", "EUR", null,
                earlier).outcome());
    }

    @Test
    public void eachCurrencyHasItsOwnCapOrNone() {
        ComplianceFinding usd = check(CapPeriod.QUARTER, MAY_10, "300.01", "USD", null, List.of());
        assertEquals(ComplianceOutcome.FAIL, usd.outcome());
        assertEquals("USD 0.00 claimed this quarter (2026-04-01 to 2026-06-30) of USD 300.00; this claim of "
                + "USD 300.01 would exceed it by USD 0.01.", usd.message());
        ComplianceFinding gbp = check(CapPeriod.QUARTER, MAY_10, "99999.00", "GBP", null, List.of());
        assertEquals(ComplianceOutcome.PASS, gbp.outcome());
        assertEquals("No cap applies to claims in GBP.", gbp.message());
    }
}
