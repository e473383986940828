package org.partnerfinance.claimtype.mdf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;

public class MdfRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final String REF = "CLM-000042";

    private static ClaimDraft request(String start, String end) {
        Map<String, String> fields = new HashMap<>();
        fields.put(MdfRules.ACTIVITY, "trade-show");
        fields.put(MdfRules.CAMPAIGN, "Spring fair");
        fields.put(MdfRules.START, start);
        fields.put(MdfRules.END, end);
        fields.put(MdfRules.EXPECTED_RESULTS, "200 leads");
        return new ClaimDraft(MdfRules.REQUEST_TYPE, "P-1001", TODAY, "Stand", Money.of("3000", "EUR"), fields,
                List.of());
    }

    private static Claim stored(long id, String type, String partner, ClaimStatus status, List<ClaimField> fields) {
        return new Claim(id, String.format("CLM-%06d", id), partner, type, type, true, status, TODAY, "x",
                Money.of("3000", "EUR"), Money.of("3000", "EUR"), fields, List.of(), List.of(), null, null, null,
                null, "partner", Instant.EPOCH, Instant.EPOCH, null, null, 1);
    }

    private static Claim approvedRequest(String start, String end) {
        return stored(42, MdfRules.REQUEST_TYPE, "P-1001", ClaimStatus.APPROVED,
                List.of(new ClaimField(MdfRules.START, "Planned start", start),
                        new ClaimField(MdfRules.END, "Planned end", end)));
    }

    private static Claim proof(long id, ClaimStatus status) {
        return stored(id, MdfRules.CLAIM_TYPE, "P-1001", status,
                List.of(new ClaimField(MdfRules.REQUEST, "Approved MDF request", REF)));
    }

    private static Reservation held(String amount, ReservationStatus status) {
        Money zero = Money.of("0", "EUR");
        return new Reservation(7, 3, "P-1001", REF, Money.of(amount, "EUR"), zero, zero, status, Instant.EPOCH, 1);
    }

    private static ClaimDraft proofDraft(String reference, LocalDate date, String amount, String currency) {
        return new ClaimDraft(MdfRules.CLAIM_TYPE, "P-1001", date, "Spring fair costs", Money.of(amount, currency),
                Map.of(MdfRules.REQUEST, reference, MdfRules.RESULTS, "180 leads"), List.of());
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    public void aRequestStartsTodayOrLaterAndEndsOnOrAfterItsStart() {
        assertEquals(List.of(), MdfRules.validateRequest(request("2026-05-20", "2026-05-20"), TODAY));
        assertEquals(List.of("start: The planned start cannot be in the past."),
                messages(MdfRules.validateRequest(request("2026-05-19", "2026-06-01"), TODAY)));
        assertEquals(List.of("end: The planned end cannot be before the planned start."),
                messages(MdfRules.validateRequest(request("2026-06-02", "2026-06-01"), TODAY)));
    }

    @Test
    public void claimReferencesAreParsedStrictly() {
        assertEquals(Long.valueOf(42), MdfRules.claimId(" CLM-000042 "));
        assertNull(MdfRules.claimId("claim 42"));
        assertNull(MdfRules.claimId(null));
    }

    @Test
    public void aProofClaimWithinTheWindowAndTheReservedAmountIsValid() {
        List<Problem> problems = MdfRules.validateClaim(proofDraft(REF, TODAY, "2999.99", "EUR"), TODAY, 60,
                Optional.of(approvedRequest("2026-05-01", "2026-05-10")),
                Optional.of(held("3000", ReservationStatus.RESERVED)), List.of(proof(50, ClaimStatus.REJECTED)));
        assertEquals(List.of(), problems);
    }

    @Test
    public void theActualCostsAreCappedAtTheReservedAmountInItsCurrency() {
        Optional<Claim> request = Optional.of(approvedRequest("2026-05-01", "2026-05-10"));
        Optional<Reservation> held = Optional.of(held("3000", ReservationStatus.RESERVED));
        assertEquals(List.of("amount: At most EUR 3,000.00 was approved for request CLM-000042; the claim asks "
                + "EUR 3,000.01."), messages(MdfRules.validateClaim(proofDraft(REF, TODAY, "3000.01", "EUR"), TODAY,
                        60, request, held, List.of())));
        assertEquals(List.of("amount: Request CLM-000042 was approved in EUR: claim the costs in that currency."),
                messages(MdfRules.validateClaim(proofDraft(REF, TODAY, "100", "USD"), TODAY, 60, request, held,
                        List.of())));
    }

    @Test
    public void theClaimLiesWithinTheRequestsWindowPlusTheGracePeriod() {
        Optional<Reservation> held = Optional.of(held("3000", ReservationStatus.RESERVED));
        // activity 1 to 10 March, 60 days of grace: claimable until 9 May, today is 20 May
        List<String> late = messages(MdfRules.validateClaim(proofDraft(REF, LocalDate.of(2026, 3, 5), "100", "EUR"),
                TODAY, 60, Optional.of(approvedRequest("2026-03-01", "2026-03-10")), held, List.of()));
        assertEquals(List.of("fundsReservation: The activity of request CLM-000042 ended on 2026-03-10; its costs "
                + "could be claimed until 2026-05-09."), late);
        List<String> before = messages(MdfRules.validateClaim(proofDraft(REF, LocalDate.of(2026, 4, 30), "100",
                "EUR"), TODAY, 60, Optional.of(approvedRequest("2026-05-01", "2026-05-10")), held, List.of()));
        assertEquals(List.of("date: The date must lie within the activity of request CLM-000042: from 2026-05-01 to "
                + "2026-07-09 (60 days after its planned end)."), before);
        List<String> future = messages(MdfRules.validateClaim(proofDraft(REF, TODAY.plusDays(1), "100", "EUR"),
                TODAY, 60, Optional.of(approvedRequest("2026-05-01", "2026-05-30")), held, List.of()));
        assertEquals(1, future.size());
        assertTrue(future.get(0), future.get(0).startsWith("date: Claim the activity once it has taken place"));
    }

    @Test
    public void onlyTheSamePartnersApprovedRequestThatNoOtherClaimClaimsCanBeClaimed() {
        Optional<Reservation> held = Optional.of(held("3000", ReservationStatus.RESERVED));
        ClaimDraft draft = proofDraft(REF, TODAY, "100", "EUR");
        assertEquals("missing", List.of("fundsReservation: You have no MDF pre-approval request CLM-000042. Enter its "
                + "reference as shown in your claims, e.g. CLM-000012."),
                messages(MdfRules.validateClaim(draft, TODAY, 60, Optional.empty(), Optional.empty(), List.of())));
        Claim otherPartners = stored(42, MdfRules.REQUEST_TYPE, "P-2002", ClaimStatus.APPROVED, List.of());
        assertEquals(1, MdfRules.validateClaim(draft, TODAY, 60, Optional.of(otherPartners), held, List.of()).size());
        Claim expense = stored(42, "expense", "P-1001", ClaimStatus.APPROVED, List.of());
        assertEquals(1, MdfRules.validateClaim(draft, TODAY, 60, Optional.of(expense), held, List.of()).size());
        Claim submitted = stored(42, MdfRules.REQUEST_TYPE, "P-1001", ClaimStatus.SUBMITTED, List.of());
        assertEquals(List.of("fundsReservation: Request CLM-000042 is submitted, not approved: only an approved request "
                + "can be claimed."), messages(MdfRules.validateClaim(draft, TODAY, 60, Optional.of(submitted), held,
                        List.of())));
        Optional<Claim> request = Optional.of(approvedRequest("2026-05-01", "2026-05-10"));
        assertEquals(List.of("fundsReservation: Request CLM-000042 is already claimed by claim CLM-000051 "
                + "(submitted)."), messages(MdfRules.validateClaim(draft, TODAY, 60, request, held,
                        List.of(proof(50, ClaimStatus.WITHDRAWN), proof(51, ClaimStatus.SUBMITTED)))));
        assertEquals(List.of("fundsReservation: No funds are reserved for request CLM-000042 any more (approved)."),
                messages(MdfRules.validateClaim(draft, TODAY, 60, request,
                        Optional.of(held("3000", ReservationStatus.APPROVED)), List.of())));
    }
}
