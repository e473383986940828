package org.partnerfinance.funds.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * The fund availability check as a pure function: a claim of a type that a programme funds needs one of the
 * partner's active allocations of such a programme, in the claim's currency and not past its expiry date, with at
 * least the claimed amount available. Funds already reserved for the claim itself count as available to it; a claim
 * whose reservation was approved or paid is funded. Types no programme funds are not this rule's business.
 */
final class FundAvailability {

    static final String RULE_ID = "funds.availability";
    static final String CODE = "C-FUNDS";

    private FundAvailability() {
    }

    static ComplianceFinding check(ClaimDraft draft, List<FundProgram> programs, List<FundAllocation> allocations,
            Optional<Reservation> own, LocalDate today) {
        List<FundProgram> funding = programs.stream().filter(p -> p.funds(draft.typeId())).toList();
        if (funding.isEmpty()) {
            return pass("No funds programme covers " + draft.typeId() + " claims.");
        }
        Money asked = draft.amount();
        if (asked == null || asked.signum() <= 0) {
            return pass("No amount to check against the funds yet.");
        }
        if (own.isPresent() && (own.get().status() == ReservationStatus.APPROVED
                || own.get().status() == ReservationStatus.PAID)) {
            return pass("The funds of this claim are approved.");
        }
        Set<String> programIds = funding.stream().map(FundProgram::id).collect(Collectors.toSet());
        List<FundAllocation> usable = allocations.stream()
                .filter(a -> a.partnerId().equals(draft.partnerId()) && programIds.contains(a.programId())
                        && a.status() == AllocationStatus.ACTIVE && !a.expiryDate().isBefore(today)
                        && a.balance().currency().equals(asked.currency()))
                .toList();
        String names = funding.stream().map(FundProgram::name).sorted().collect(Collectors.joining(" or "));
        if (usable.isEmpty()) {
            return fail("No " + names + " funds in " + asked.currency().getCurrencyCode()
                    + " are allocated to you, the claim asks " + asked.format() + ".");
        }
        FundAllocation best = usable.stream().max(Comparator.comparing(a -> availableTo(a, own).amount())).get();
        Money available = availableTo(best, own);
        if (available.compareTo(asked) >= 0) {
            return pass(available.format() + " available in " + best.label() + ", the claim asks " + asked.format()
                    + ".");
        }
        return fail(available.format() + " available in " + best.label() + ", the claim asks " + asked.format()
                + ".");
    }

    /**
     * A claim that draws on the reservation of an earlier claim ({@link FundService#RESERVATION_FIELD}): the
     * reservation must be the claim's partner's, still reserved (not approved for, or released by, another claim),
     * in the claim's currency and hold at least the claimed amount.
     */
    static ComplianceFinding drawing(ClaimDraft draft, String reference, Optional<Reservation> reservation) {
        Money asked = draft.amount();
        if (reservation.isEmpty() || !reservation.get().partnerId().equals(draft.partnerId())) {
            return fail("No funds are reserved for you under " + reference + ".");
        }
        Reservation r = reservation.get();
        if (r.status() != ReservationStatus.RESERVED) {
            return fail("The funds reserved under " + reference + " are "
                    + r.status().name().toLowerCase(java.util.Locale.ROOT) + ", no longer reserved.");
        }
        if (asked == null || asked.signum() <= 0) {
            return pass("No amount to check against the reservation yet.");
        }
        if (!r.reserved().currency().equals(asked.currency())) {
            return fail("The funds reserved under " + reference + " are in "
                    + r.reserved().currency().getCurrencyCode() + ", the claim asks " + asked.format() + ".");
        }
        if (r.reserved().compareTo(asked) < 0) {
            return fail(r.reserved().format() + " reserved under " + reference + ", the claim asks " + asked.format()
                    + ".");
        }
        return pass(r.reserved().format() + " reserved under " + reference + ", the claim asks " + asked.format()
                + ".");
    }

    /** What an allocation has for this claim: its available amount plus what is reserved for the claim on it. */
    private static Money availableTo(FundAllocation a, Optional<Reservation> own) {
        Money available = a.balance().available();
        if (own.isPresent() && own.get().status() == ReservationStatus.RESERVED
                && own.get().allocationId() == a.id()) {
            return available.plus(own.get().reserved());
        }
        return available;
    }

    private static ComplianceFinding pass(String message) {
        return new ComplianceFinding(RULE_ID, ComplianceOutcome.PASS, CODE, message);
    }

    private static ComplianceFinding fail(String message) {
        return new ComplianceFinding(RULE_ID, ComplianceOutcome.FAIL, CODE, message);
    }
}
