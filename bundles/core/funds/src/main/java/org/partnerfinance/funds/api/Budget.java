package org.partnerfinance.funds.api;

import java.time.LocalDate;
import java.util.Objects;

import org.partnerfinance.ledger.api.Money;

/**
 * The budget of a programme for one period: what may be allocated to partners in it.
 *
 * @param id        database id (0 for a budget that is not stored yet)
 * @param programId the programme
 * @param period    name of the period, unique in the programme, e.g. {@code 2026 H2}
 * @param start     first day of the period
 * @param end       last day of the period
 * @param amount    the budget; the sum of the period's allocations never exceeds it
 * @param allocated the sum of the period's allocations
 * @param version   optimistic-lock version
 */
public record Budget(long id, String programId, String period, LocalDate start, LocalDate end, Money amount,
        Money allocated, long version) {

    public Budget {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
    }

    /** What may still be allocated. */
    public Money unallocated() {
        return amount.minus(allocated);
    }
}
