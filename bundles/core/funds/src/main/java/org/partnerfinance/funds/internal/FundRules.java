package org.partnerfinance.funds.internal;

import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.InsufficientFundsException;
import org.partnerfinance.ledger.api.Money;

/**
 * How the buckets of an allocation move: pure functions from a balance to the next one, each refusing a move that
 * would leave a bucket negative or use more than is available. Money freed on an allocation that has already expired
 * (a reservation given back, an approval below the reserved amount) goes to its expired bucket instead of becoming
 * available again: nothing can be reserved after the expiry date.
 */
final class FundRules {

    private FundRules() {
    }

    /** Reserves {@code amount}: available goes down, reserved up. */
    static FundBalance reserve(FundBalance b, Money amount, String where) {
        requirePositive(amount, "The amount to reserve");
        if (amount.compareTo(b.available()) > 0) {
            throw new InsufficientFundsException(b.available().format() + " available in " + where + ", "
                    + amount.format() + " asked.", b.available(), amount);
        }
        return new FundBalance(b.allocated(), b.reserved().plus(amount), b.approved(), b.paid(), b.expired());
    }

    /** Gives a reservation of {@code amount} back. */
    static FundBalance release(FundBalance b, Money amount, boolean expired) {
        requireNotNegative(amount, "The amount to release");
        requireAtMost(amount, b.reserved(), "reserved");
        return new FundBalance(b.allocated(), b.reserved().minus(amount), b.approved(), b.paid(),
                expired ? b.expired().plus(amount) : b.expired());
    }

    /** Approves {@code approvedAmount} of a reservation of {@code reservedAmount}; the rest is freed. */
    static FundBalance approve(FundBalance b, Money reservedAmount, Money approvedAmount, boolean expired) {
        requireNotNegative(approvedAmount, "The approved amount");
        if (approvedAmount.compareTo(reservedAmount) > 0) {
            throw new InsufficientFundsException(reservedAmount.format() + " is reserved, " + approvedAmount.format()
                    + " cannot be approved against it.", reservedAmount, approvedAmount);
        }
        requireAtMost(reservedAmount, b.reserved(), "reserved");
        Money rest = reservedAmount.minus(approvedAmount);
        return new FundBalance(b.allocated(), b.reserved().minus(reservedAmount), b.approved().plus(approvedAmount),
                b.paid(), expired ? b.expired().plus(rest) : b.expired());
    }

    /** Pays {@code paidAmount} of an approved {@code approvedAmount}; the rest is freed. */
    static FundBalance pay(FundBalance b, Money approvedAmount, Money paidAmount, boolean expired) {
        requireNotNegative(paidAmount, "The paid amount");
        requireAtMost(approvedAmount, b.approved(), "approved");
        if (paidAmount.compareTo(approvedAmount) > 0) {
            throw new InsufficientFundsException(approvedAmount.format() + " is approved, " + paidAmount.format()
                    + " cannot be paid against it.", approvedAmount, paidAmount);
        }
        Money rest = approvedAmount.minus(paidAmount);
        return new FundBalance(b.allocated(), b.reserved(), b.approved().minus(approvedAmount),
                b.paid().plus(paidAmount), expired ? b.expired().plus(rest) : b.expired());
    }

    /** Expires what is available: it moves to the expired bucket, available becomes zero. */
    static FundBalance expire(FundBalance b) {
        return new FundBalance(b.allocated(), b.reserved(), b.approved(), b.paid(), b.expired().plus(b.available()));
    }

    /** Changes the allocated amount; it cannot fall below what has been used. */
    static FundBalance reallocate(FundBalance b, Money allocated) {
        requirePositive(allocated, "The allocated amount");
        Money used = b.allocated().minus(b.available());
        if (allocated.compareTo(used) < 0) {
            throw new InsufficientFundsException(used.format() + " of this allocation is reserved, approved or paid: "
                    + "it cannot be reduced to " + allocated.format() + ".", b.available(), allocated);
        }
        return new FundBalance(allocated, b.reserved(), b.approved(), b.paid(), b.expired());
    }

    /** Whether every bucket and the available amount are zero or positive. */
    static boolean consistent(FundBalance b) {
        return b.allocated().signum() >= 0 && b.reserved().signum() >= 0 && b.approved().signum() >= 0
                && b.paid().signum() >= 0 && b.expired().signum() >= 0 && b.available().signum() >= 0;
    }

    static void requirePositive(Money amount, String what) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be more than zero.");
        }
    }

    private static void requireNotNegative(Money amount, String what) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative.");
        }
    }

    private static void requireAtMost(Money amount, Money bucket, String name) {
        if (amount.compareTo(bucket) > 0) {
            throw new IllegalStateException("The allocation has only " + bucket.format() + " " + name + ", not "
                    + amount.format() + ".");
        }
    }
}
