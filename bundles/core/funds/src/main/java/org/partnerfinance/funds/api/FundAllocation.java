package org.partnerfinance.funds.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a partner may draw from a programme in one budget period, until its expiry date.
 *
 * @param id          database id
 * @param programId   the programme
 * @param programName its display name
 * @param budgetId    the budget (programme and period) it is allocated from
 * @param period      the budget's period name
 * @param partnerId   the partner
 * @param expiryDate  last day on which funds can be reserved; afterwards the expiry run releases the available rest
 * @param status      active or expired
 * @param balance     the buckets (allocated, reserved, approved, paid, expired, available)
 * @param createdAt   when it was allocated
 * @param version     optimistic-lock version
 */
public record FundAllocation(long id, String programId, String programName, long budgetId, String period,
        String partnerId, LocalDate expiryDate, AllocationStatus status, FundBalance balance, Instant createdAt,
        long version) {

    public FundAllocation {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(balance, "balance");
    }

    /** A short name for messages, e.g. {@code MDF 2026 H2}. */
    public String label() {
        return programName + " " + period;
    }
}
