package org.partnerfinance.funds.api;

import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

import org.partnerfinance.ledger.api.Money;

/**
 * The buckets of one allocation, or their sums over several allocations of one currency. Every bucket is zero or
 * positive and {@code available = allocated - reserved - approved - paid - expired}.
 *
 * @param allocated what was allocated
 * @param reserved  held for pre-approved activities whose claim is not approved yet
 * @param approved  approved claims not paid yet
 * @param paid      paid claims
 * @param expired   what the allocation's expiry released (never used)
 */
public record FundBalance(Money allocated, Money reserved, Money approved, Money paid, Money expired) {

    public FundBalance {
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(approved, "approved");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(expired, "expired");
    }

    /** A balance with every bucket zero. */
    public static FundBalance zero(Currency currency) {
        Money z = Money.zero(currency);
        return new FundBalance(z, z, z, z, z);
    }

    /** What can still be reserved: allocated minus every other bucket. */
    public Money available() {
        return allocated.minus(reserved).minus(approved).minus(paid).minus(expired);
    }

    public Currency currency() {
        return allocated.currency();
    }

    /** The bucket-wise sum (same currency). */
    public FundBalance plus(FundBalance other) {
        return new FundBalance(allocated.plus(other.allocated), reserved.plus(other.reserved),
                approved.plus(other.approved), paid.plus(other.paid), expired.plus(other.expired));
    }

    /** The bucket-wise sum of balances of one currency. */
    public static FundBalance sum(Currency currency, Collection<FundBalance> balances) {
        FundBalance total = zero(currency);
        for (FundBalance b : balances) {
            total = total.plus(b);
        }
        return total;
    }
}
