package org.partnerfinance.ledger.api;

import java.util.Objects;

/**
 * One line of a journal entry: a debit or a credit of a positive amount on an account, optionally for a partner.
 */
public record JournalLine(String accountCode, Side side, Money amount, String partnerId) {

    public enum Side { DEBIT, CREDIT }

    public JournalLine {
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A journal line amount must be positive: " + amount);
        }
    }

    public static JournalLine debit(String account, Money amount, String partnerId) {
        return new JournalLine(account, Side.DEBIT, amount, partnerId);
    }

    public static JournalLine credit(String account, Money amount, String partnerId) {
        return new JournalLine(account, Side.CREDIT, amount, partnerId);
    }

    /** Signed amount: debits positive, credits negative. */
    public Money signed() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}
