package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.partnerfinance.claims.rules.internal.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

/** Deadline 30 days after the activity date (or a period-end field), warning 5 days before; today is 2026-05-15. */
public class DeadlineRuleTest {

    private final Map<Long, LocalDate> granted = new HashMap<>();
    /** An extension granted before the claim was written, for the partner, type and activity date. */
    private final Map<LocalDate, LocalDate> grantedForDate = new HashMap<>();

    private ComplianceFinding check(String fromField, LocalDate date, Map<String, String> fields, Long claimId) {
        RuleSettings settings = Fixtures.settings(30, 5, fromField, "", "", CapPeriod.QUARTER, 0, true, null);
        DeadlineRule rule = new DeadlineRule(settings, (id, partner, type, activity) -> {
            LocalDate forClaim = id == null ? null : granted.get(id);
            LocalDate forDate = partner.equals(Fixtures.PARTNER) && type.equals(Fixtures.TYPE)
                    ? grantedForDate.get(activity) : null;
            return Optional.ofNullable(forClaim != null ? forClaim : forDate);
        }, Fixtures.CLOCK);
        return rule.check(new ComplianceSubject(Fixtures.draft(date, "10.00", "EUR", "x", fields, List.of()), claimId,
                List.of()));
    }

    private ComplianceFinding check(LocalDate date, Long claimId) {
        return check(null, date, Map.of(), claimId);
    }

    @Test
    public void theLastDayOfTheDeadlineStillPassesWithAWarningAndTheNextDayFails() {
        ComplianceFinding lastDay = check(TODAY.minusDays(30), null);
        assertEquals(ComplianceOutcome.WARN, lastDay.outcome());
        assertEquals(ComplianceCodes.DEADLINE, lastDay.code());
        assertTrue(lastDay.message(), lastDay.message().contains("Submit by " + TODAY));

        ComplianceFinding late = check(TODAY.minusDays(31), null);
        assertEquals(ComplianceOutcome.FAIL, late.outcome());
        assertTrue(late.message(), late.message().contains("deadline for this claim was " + TODAY.minusDays(1)));
        assertTrue(late.message(), late.message().contains("Request an extension"));
    }

    @Test
    public void theWarningStartsExactlyTheWarningDaysBeforeTheDeadline() {
        // deadline = today + 5: warn; today + 6: pass
        assertEquals(ComplianceOutcome.WARN, check(TODAY.minusDays(25), null).outcome());
        assertEquals(ComplianceOutcome.PASS, check(TODAY.minusDays(24), null).outcome());
    }

    @Test
    public void aGrantedExtensionPassesUntilItsLastDayAndNotAfter() {
        LocalDate date = TODAY.minusDays(60);
        granted.put(7L, TODAY);
        ComplianceFinding lastDay = check(date, 7L);
        assertEquals(ComplianceOutcome.PASS, lastDay.outcome());
        assertTrue(lastDay.message(), lastDay.message().contains("extension until " + TODAY));

        granted.put(7L, TODAY.minusDays(1));
        ComplianceFinding ended = check(date, 7L);
        assertEquals(ComplianceOutcome.FAIL, ended.outcome());
        assertTrue(ended.message(), ended.message().contains("has ended"));
    }

    @Test
    public void anExtensionOfAnotherClaimDoesNotCount() {
        granted.put(7L, TODAY.plusDays(10));
        assertEquals(ComplianceOutcome.FAIL, check(TODAY.minusDays(60), 8L).outcome());
        ComplianceFinding unsaved = check(TODAY.minusDays(60), null);
        assertEquals(ComplianceOutcome.FAIL, unsaved.outcome());
        assertTrue(unsaved.message(), unsaved.message().contains("Request an extension under Claims > Deadline"));
    }

    @Test
    public void anExtensionAskedForBeforeTheClaimWasWrittenCountsForItsDateOnly() {
        grantedForDate.put(TODAY.minusDays(60), TODAY.plusDays(2));
        assertEquals(ComplianceOutcome.PASS, check(TODAY.minusDays(60), null).outcome());
        assertEquals(ComplianceOutcome.PASS, check(TODAY.minusDays(60), 9L).outcome());
        assertEquals(ComplianceOutcome.FAIL, check(TODAY.minusDays(61), null).outcome());
    }

    @Test
    public void theDeadlineCountsFromThePeriodEndFieldWhenTheTypeHasOne() {
        // the activity is long ago, but the period ended 10 days ago
        ComplianceFinding finding = check("periodEnd", TODAY.minusDays(100),
                Map.of("periodEnd", TODAY.minusDays(10).toString()), null);
        assertEquals(ComplianceOutcome.PASS, finding.outcome());
        assertTrue(finding.message(), finding.message().contains("the period end"));
    }

    @Test
    public void withoutThePeriodEndTheActivityDateCounts() {
        assertEquals(ComplianceOutcome.FAIL, check("periodEnd", TODAY.minusDays(100), Map.of(), null).outcome());
        assertEquals(ComplianceOutcome.FAIL,
                check("periodEnd", TODAY.minusDays(100), Map.of("periodEnd", "not a date"), null).outcome());
    }
}
