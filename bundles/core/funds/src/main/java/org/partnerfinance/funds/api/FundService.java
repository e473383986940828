package org.partnerfinance.funds.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * Programmes, budgets, allocations and reservations of partner funds. Every change runs in one unit of work with its
 * ledger posting and its audit record, and is announced on {@link FundEvents#TOPIC} after commit.
 *
 * <p>Who may do what: finance managers and administrators maintain programmes, budgets and allocations and run the
 * expiry; finance staff (reviewers, managers) and the platform ({@link Caller#system()}, e.g. a claim type acting in
 * its workflow) reserve, release, approve and mark paid; finance staff and administrators read everything; partner
 * users read their own partner's allocations, reservations and balances only (another partner's id answers like a
 * missing one).
 *
 * <p>Accounting (journal {@link #JOURNAL}, source {@code fund-allocation:<id>}): the commitment of an allocation is
 * always what is available plus what is reserved, posted as debit the programme's expense account / credit
 * {@link #FUND_LIABILITY_ACCOUNT} for the partner. An allocation commits; reducing it, its expiry and a release on an
 * expired allocation post the reverse; an approval moves its approved amount out of the commitment the same way,
 * because the approved claim's own accrual (its claim type's accounting rule) takes it over; a payment below the
 * approved amount on an active allocation commits the rest again. Reserving and paying in full move no fund account.
 *
 * <p>How a claim type that needs funds uses it (e.g. market development funds): pre-approval calls
 * {@link #reserveFor} with the request's reference; the proof-of-performance claim's approval calls
 * {@link #approve} for the approved amount (the rest of the reservation is released); its payment calls
 * {@link #markPaid}; a request that is withdrawn or rejected calls {@link #release}.
 */
@ProviderType
public interface FundService {

    /** Journal of every funds posting. */
    String JOURNAL = "FUNDS";
    /** Liability account of committed, not yet claimed funds (contributed to the chart of accounts by this bundle). */
    String FUND_LIABILITY_ACCOUNT = "2170";

    /**
     * Name of a claim field that names the reservation the claim draws on, when its funds were reserved for an
     * earlier claim (a market development funds proof-of-performance claim names its pre-approval request): the fund
     * availability rule then checks that reservation, the partner's and still reserved, holding at least the claimed
     * amount, instead of asking for the amount again from what is available.
     *
     * @since 1.1
     */
    String RESERVATION_FIELD = "fundsReservation";

    /** The reference a claim's reservation is made under: {@code claim:<id>}. */
    static String claimReference(long claimId) {
        return "claim:" + claimId;
    }

    // --- programmes and budgets ----------------------------------------------------------------------------------

    /** Programmes by id: all for staff; for a partner user those in which their partner has allocations. */
    List<FundProgram> programs(Caller caller);

    Optional<FundProgram> program(Caller caller, String programId);

    /**
     * Creates ({@code version == 0}) or updates a programme (finance managers, administrators). The currency of a
     * programme that has budgets cannot change.
     *
     * @throws IllegalArgumentException for invalid input, naming the field
     * @throws org.partnerfinance.persistence.api.ConcurrentChangeException when someone changed it meanwhile
     */
    FundProgram saveProgram(Caller caller, FundProgram program);

    /** Budgets of a programme, or of all ({@code programId == null}), newest period first (staff only). */
    List<Budget> budgets(Caller caller, String programId);

    /**
     * Creates ({@code id == 0}) or updates a budget (finance managers, administrators); {@code allocated} is ignored.
     * A budget cannot be set below what has been allocated from it.
     */
    Budget saveBudget(Caller caller, Budget budget);

    // --- allocations ---------------------------------------------------------------------------------------------

    /**
     * Allocations, filtered by programme and partner ({@code null} = all), by programme, period and partner. Partner
     * users get their own partner's only, whatever they ask for.
     */
    List<FundAllocation> allocations(Caller caller, String programId, String partnerId);

    Optional<FundAllocation> allocation(Caller caller, long allocationId);

    /**
     * Allocates part of a budget to a partner (finance managers, administrators) and commits it in the ledger. One
     * allocation per partner and budget: change it with {@link #updateAllocation}.
     *
     * @throws InsufficientFundsException when the budget has less left than the amount
     */
    FundAllocation allocate(Caller caller, long budgetId, String partnerId, Money amount, LocalDate expiryDate);

    /**
     * Changes the amount or expiry date of an active allocation (finance managers, administrators). The amount can
     * neither exceed what the budget has left nor fall below what is reserved, approved and paid; the difference is
     * posted.
     */
    FundAllocation updateAllocation(Caller caller, long allocationId, long version, Money amount,
            LocalDate expiryDate);

    // --- reservations --------------------------------------------------------------------------------------------

    /**
     * Reserves funds of one allocation for a reference (finance staff, the platform). The allocation must be active
     * and not past its expiry date; concurrent reservations never reserve more than is available.
     *
     * @throws InsufficientFundsException naming what is available
     * @throws IllegalArgumentException   when the reference already has a reservation
     */
    Reservation reserve(Caller caller, long allocationId, String reference, Money amount);

    /**
     * Reserves funds for a claim of a type: from the partner's active allocation, in the amount's currency, of a
     * programme that funds the type, with enough available (the one expiring first).
     *
     * @throws InsufficientFundsException naming the best available allocation, or saying there is none
     */
    Reservation reserveFor(Caller caller, String partnerId, String claimTypeId, String reference, Money amount);

    /** The reservation of a reference, if the caller may see it. */
    Optional<Reservation> reservation(Caller caller, String reference);

    /** Reservations of an allocation, newest first. */
    List<Reservation> reservations(Caller caller, long allocationId);

    /** Gives a reserved reservation back: available again (or expired, if its allocation has expired). */
    Reservation release(Caller caller, String reference);

    /**
     * Turns a reservation into approved funds for the approved amount (at most the reserved amount; the rest is
     * released).
     */
    Reservation approve(Caller caller, String reference, Money approvedAmount);

    /** Marks an approved reservation paid for the paid amount (at most the approved amount; the rest is released). */
    Reservation markPaid(Caller caller, String reference, Money paidAmount);

    // --- balances and expiry -------------------------------------------------------------------------------------

    /**
     * Balances summed over the allocations of a programme and/or partner ({@code null} = all), one per currency.
     * Partner users get their own partner's only.
     */
    List<FundBalance> balances(Caller caller, String programId, String partnerId);

    /**
     * Expires every active allocation whose expiry date lies before {@code asOf} (finance managers, administrators,
     * the platform's schedule): what is available is moved to the expired bucket and released in the ledger (posting
     * dated {@code asOf}). Reservations stay: the activities they were made for were pre-approved. Each allocation is
     * expired in its own unit of work.
     *
     * @return the allocations expired by this run
     */
    List<FundAllocation> expire(Caller caller, LocalDate asOf);
}
