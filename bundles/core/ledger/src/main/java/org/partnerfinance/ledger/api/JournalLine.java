package org.partnerfinance.ledger.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a journal entry: a debit or a credit of a positive amount on an account, optionally for a partner.
 *
 * <p>Lines of a draft carry the amount in the document currency only. The ledger adds, when it posts, the amount in the
 * base currency ({@link #baseAmount()}) and the exchange rate it used ({@link #rate()}: base units per one unit of the
 * document currency; 1 for lines in the base currency). The only line with a zero document amount is an FX rounding
 * line the ledger adds itself: it carries the base-currency rounding difference of its entry.
 */
public record JournalLine(String accountCode, Side side, Money amount, String partnerId, Money baseAmount,
        BigDecimal rate) {

    public enum Side { DEBIT, CREDIT }

    public JournalLine {
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0 || amount.signum() == 0 && (baseAmount == null || baseAmount.signum() <= 0)) {
            throw new IllegalArgumentException("A journal line amount must be positive: " + amount);
        }
        if (baseAmount != null && baseAmount.signum() < 0) {
            throw new IllegalArgumentException("A journal line's base amount cannot be negative: " + baseAmount);
        }
        if ((baseAmount == null) != (rate == null)) {
            throw new IllegalArgumentException("A journal line has both a base amount and its rate, or neither.");
        }
    }

    /** A line in the document currency only, as drafts carry it. */
    public JournalLine(String accountCode, Side side, Money amount, String partnerId) {
        this(accountCode, side, amount, partnerId, null, null);
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

    /** Signed base amount (debits positive), or {@code null} for a line that has not been posted. */
    public Money signedBase() {
        return baseAmount == null ? null : side == Side.DEBIT ? baseAmount : baseAmount.negate();
    }

    /** This line with the base-currency amount and the rate it was converted with. */
    public JournalLine withBase(Money base, BigDecimal usedRate) {
        return new JournalLine(accountCode, side, amount, partnerId, base, usedRate);
    }

    /** This line as a draft carries it: document currency only, without base amount and rate. */
    public JournalLine inDocumentCurrency() {
        return baseAmount == null ? this : new JournalLine(accountCode, side, amount, partnerId);
    }

    /** The same line on the other side (debit for credit), keeping its base amount and rate. */
    public JournalLine swapped() {
        return new JournalLine(accountCode, side == Side.DEBIT ? Side.CREDIT : Side.DEBIT, amount, partnerId,
                baseAmount, rate);
    }
}
