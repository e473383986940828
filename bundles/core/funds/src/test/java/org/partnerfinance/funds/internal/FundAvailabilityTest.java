package org.partnerfinance.funds.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;

public class FundAvailabilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    static final FundProgram MDF = new FundProgram("MDF", "MDF", Set.of("mdf", "co-marketing"),
            Money.currency("EUR"), "6200", true, 1);
    static final FundProgram REBATES = new FundProgram("REB", "Rebate fund", Set.of("rebate"),
            Money.currency("EUR"), "4900", true, 1);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static FundAllocation allocation(long id, String partner, String allocated, String reserved,
            LocalDate expiry, AllocationStatus status) {
        Money z = eur("0");
        return new FundAllocation(id, "MDF", "MDF", 1, "2026 H2", partner, expiry, status,
                new FundBalance(eur(allocated), eur(reserved), z, z, z), Instant.EPOCH, 1);
    }

    private static ClaimDraft claim(String type, String amount) {
        return new ClaimDraft(type, "P-1", TODAY, "Trade show", eur(amount), Map.of(), List.of());
    }

    private static ComplianceFinding check(ClaimDraft draft, List<FundAllocation> allocations) {
        return FundAvailability.check(draft, List.of(MDF, REBATES), allocations, Optional.empty(), TODAY);
    }

    @Test
    public void failsWithWhatIsAvailableWhenTheClaimAsksForMore() {
        ComplianceFinding f = check(claim("mdf", "1500"),
                List.of(allocation(1, "P-1", "2000", "800", TODAY.plusDays(30), AllocationStatus.ACTIVE)));
        assertEquals(ComplianceOutcome.FAIL, f.outcome());
        assertEquals("C-FUNDS", f.code());
        assertEquals("EUR 1,200.00 available in MDF 2026 H2, the claim asks EUR 1,500.00.", f.message());
    }

    @Test
    public void passesWhenOneAllocationCoversTheClaimUpToTheLastCent() {
        List<FundAllocation> allocations = List.of(
                allocation(1, "P-1", "2000", "800", TODAY, AllocationStatus.ACTIVE));
        assertEquals(ComplianceOutcome.PASS, check(claim("mdf", "1200"), allocations).outcome());
        assertEquals(ComplianceOutcome.FAIL, check(claim("mdf", "1200.01"), allocations).outcome());
    }

    @Test
    public void failsWithoutAnyAllocationOfTheType() {
        ComplianceFinding f = check(claim("mdf", "10"),
                List.of(allocation(1, "P-2", "2000", "0", TODAY, AllocationStatus.ACTIVE)));
        assertEquals(ComplianceOutcome.FAIL, f.outcome());
        assertEquals("No MDF funds in EUR are allocated to you, the claim asks EUR 10.00.", f.message());
    }

    @Test
    public void expiredAllocationsDoNotCount() {
        List<FundAllocation> allocations = List.of(
                allocation(1, "P-1", "2000", "0", TODAY.minusDays(1), AllocationStatus.ACTIVE),
                allocation(2, "P-1", "2000", "0", TODAY.plusDays(1), AllocationStatus.EXPIRED));
        assertEquals(ComplianceOutcome.FAIL, check(claim("mdf", "10"), allocations).outcome());
    }

    @Test
    public void typesThatNoProgrammeFundsPass() {
        ComplianceFinding f = check(claim("expense", "1000000"), List.of());
        assertEquals(ComplianceOutcome.PASS, f.outcome());
    }

    @Test
    public void fundsReservedForTheClaimItselfCount() {
        List<FundAllocation> allocations = List.of(
                allocation(7, "P-1", "2000", "1500", TODAY.plusDays(1), AllocationStatus.ACTIVE));
        Reservation own = new Reservation(3, 7, "P-1", "claim:42", eur("1500"), eur("0"), eur("0"),
                ReservationStatus.RESERVED, Instant.EPOCH, 1);
        ComplianceFinding f = FundAvailability.check(claim("mdf", "1800"), List.of(MDF), allocations,
                Optional.of(own), TODAY);
        assertEquals(f.message(), ComplianceOutcome.PASS, f.outcome());
        assertEquals(ComplianceOutcome.FAIL, FundAvailability.check(claim("mdf", "2000.01"), List.of(MDF),
                allocations, Optional.of(own), TODAY).outcome());
    }

    private static Reservation reservation(String partner, String reserved, ReservationStatus status) {
        return new Reservation(7, 1, partner, "CLM-000042", eur(reserved), eur("0"), eur("0"), status, Instant.EPOCH,
                1);
    }

    @Test
    public void aClaimDrawingOnAReservationIsCheckedAgainstItNotAgainstWhatIsAvailable() {
        ClaimDraft proof = claim("mdf", "900");
        assertEquals(ComplianceOutcome.PASS, FundAvailability.drawing(proof, "CLM-000042",
                Optional.of(reservation("P-1", "1000", ReservationStatus.RESERVED))).outcome());
        ComplianceFinding more = FundAvailability.drawing(claim("mdf", "1200"), "CLM-000042",
                Optional.of(reservation("P-1", "1000", ReservationStatus.RESERVED)));
        assertEquals(ComplianceOutcome.FAIL, more.outcome());
        assertEquals("EUR 1,000.00 reserved under CLM-000042, the claim asks EUR 1,200.00.", more.message());
        assertEquals(ComplianceOutcome.FAIL, FundAvailability.drawing(proof, "CLM-000042",
                Optional.of(reservation("P-2", "1000", ReservationStatus.RESERVED))).outcome());
        assertEquals(ComplianceOutcome.FAIL, FundAvailability.drawing(proof, "CLM-000042", Optional.empty()).outcome());
        ComplianceFinding used = FundAvailability.drawing(proof, "CLM-000042",
                Optional.of(reservation("P-1", "1000", ReservationStatus.APPROVED)));
        assertEquals(ComplianceOutcome.FAIL, used.outcome());
        assertEquals("The funds reserved under CLM-000042 are approved, no longer reserved.", used.message());
    }
}
