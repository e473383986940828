package org.partnerfinance.claimtype.mdf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * When an approved request may be closed ({@link MdfRules#closeRefusal}) and which requests the sweep closes on a
 * given day ({@link MdfRules#sweepReason}): the day is the sweep's clock, so every boundary is tested by choosing it.
 */
public class MdfRequestClosingTest {

    private static final String REF = "CLM-000042";
    /** Planned end of the request; with 60 days of grace, the window's last day is 2026-07-09. */
    private static final LocalDate END = LocalDate.of(2026, 5, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 7, 9);
    private static final Optional<Reservation> RESERVED = Optional.of(held(ReservationStatus.RESERVED));

    private static Claim stored(long id, String type, ClaimStatus status, List<ClaimField> fields) {
        return new Claim(id, String.format("CLM-%06d", id), "P-1001", type, type, true, status, END, "x",
                Money.of("3000", "EUR"), Money.of("3000", "EUR"), fields, List.of(), List.of(), null, null, null,
                null, "partner", Instant.EPOCH, Instant.EPOCH, null, null, 1);
    }

    private static Claim request(ClaimStatus status) {
        return stored(42, MdfRules.REQUEST_TYPE, status, List.of(
                new ClaimField(MdfRules.START, "Planned start", "2026-05-01"),
                new ClaimField(MdfRules.END, "Planned end", END.toString())));
    }

    private static Claim proof(long id, ClaimStatus status, String request) {
        return stored(id, MdfRules.CLAIM_TYPE, status,
                List.of(new ClaimField(MdfRules.REQUEST, "Approved MDF request", request)));
    }

    private static Reservation held(ReservationStatus status) {
        Money zero = Money.of("0", "EUR");
        return new Reservation(7, 3, "P-1001", REF, Money.of("3000", "EUR"), zero, zero, status, Instant.EPOCH, 1);
    }

    @Test
    public void closingIsRefusedOnlyWhileAProofClaimUnderReviewNeedsTheReservedFunds() {
        Claim request = request(ClaimStatus.CLOSED);
        assertEquals(Optional.empty(), MdfRules.closeRefusal(request, RESERVED, List.of()));
        assertEquals(Optional.empty(), MdfRules.closeRefusal(request, RESERVED, List.of(
                proof(50, ClaimStatus.REJECTED, REF), proof(51, ClaimStatus.WITHDRAWN, REF),
                proof(52, ClaimStatus.DRAFT, REF), proof(53, ClaimStatus.SUBMITTED, "CLM-000043"))));
        assertEquals(Optional.of("Request CLM-000042 cannot be closed while proof-of-performance claim CLM-000051 is "
                + "submitted: its approval needs the funds reserved for the request. Wait for its decision or "
                + "withdraw it first."),
                MdfRules.closeRefusal(request, RESERVED, List.of(proof(51, ClaimStatus.SUBMITTED, REF))));
        assertTrue(MdfRules.closeRefusal(request, RESERVED, List.of(proof(52, ClaimStatus.RETURNED, REF)))
                .orElseThrow().contains("CLM-000052 is returned"));
        // once a proof claim is approved the funds are approved funds: closing releases nothing and may go on
        assertEquals(Optional.empty(), MdfRules.closeRefusal(request, Optional.of(held(ReservationStatus.APPROVED)),
                List.of(proof(51, ClaimStatus.APPROVED, REF), proof(52, ClaimStatus.RETURNED, REF))));
        assertEquals(Optional.empty(), MdfRules.closeRefusal(request, Optional.empty(),
                List.of(proof(51, ClaimStatus.SUBMITTED, REF))));
    }

    @Test
    public void theSweepClosesARequestTheDayAfterItsWindowEndsWhenNoProofClaimIsUnderReview() {
        Claim request = request(ClaimStatus.APPROVED);
        assertEquals("last day of the window", Optional.empty(),
                MdfRules.sweepReason(request, RESERVED, List.of(), LAST_DAY, 60));
        assertEquals(Optional.of("Closed by the platform: no proof-of-performance claim was made by 2026-07-09 "
                + "(planned end 2026-05-10 plus 60 days of grace); the reserved funds are released."),
                MdfRules.sweepReason(request, RESERVED, List.of(), LAST_DAY.plusDays(1), 60));
        assertEquals("a shorter grace period closes earlier", Optional.empty(),
                MdfRules.sweepReason(request, RESERVED, List.of(), END, 0));
        assertTrue(MdfRules.sweepReason(request, RESERVED, List.of(), END.plusDays(1), 0).isPresent());
        // rejected, withdrawn and draft proof claims do not keep the request open; one under review does
        assertTrue(MdfRules.sweepReason(request, RESERVED, List.of(proof(50, ClaimStatus.REJECTED, REF),
                proof(51, ClaimStatus.WITHDRAWN, REF), proof(52, ClaimStatus.DRAFT, REF)), LAST_DAY.plusDays(1), 60)
                .isPresent());
        assertEquals(Optional.empty(), MdfRules.sweepReason(request, RESERVED,
                List.of(proof(51, ClaimStatus.SUBMITTED, REF)), LAST_DAY.plusDays(30), 60));
        assertEquals(Optional.empty(), MdfRules.sweepReason(request, RESERVED,
                List.of(proof(52, ClaimStatus.RETURNED, REF)), LAST_DAY.plusDays(30), 60));
        // another request's proof claim is not this one's
        assertTrue(MdfRules.sweepReason(request, RESERVED, List.of(proof(53, ClaimStatus.SUBMITTED, "CLM-000043")),
                LAST_DAY.plusDays(1), 60).isPresent());
    }

    @Test
    public void aRequestWhoseProofClaimWasApprovedIsClosedAtOnceAndOthersAreLeftAlone() {
        Claim request = request(ClaimStatus.APPROVED);
        for (ClaimStatus approved : List.of(ClaimStatus.APPROVED, ClaimStatus.SCHEDULED, ClaimStatus.PAID)) {
            assertEquals(Optional.of("proof of performance claim CLM-000051 approved"), MdfRules.sweepReason(request,
                    Optional.of(held(ReservationStatus.APPROVED)), List.of(proof(51, approved, REF)), END, 60));
        }
        for (ClaimStatus status : ClaimStatus.values()) {
            if (status != ClaimStatus.APPROVED) {
                assertEquals(status.name(), Optional.empty(), MdfRules.sweepReason(request(status), RESERVED,
                        List.of(), LAST_DAY.plusDays(1), 60));
            }
        }
        Claim expense = stored(42, "expense", ClaimStatus.APPROVED, request.fields());
        assertEquals(Optional.empty(), MdfRules.sweepReason(expense, RESERVED, List.of(), LAST_DAY.plusDays(1), 60));
    }
}
