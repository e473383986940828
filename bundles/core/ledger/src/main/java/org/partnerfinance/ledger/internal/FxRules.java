package org.partnerfinance.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;

/**
 * Conversion of journal lines into the base currency, as pure functions.
 *
 * <p>The rule: each line's base amount is its document amount times the rate of its currency (base units per one
 * unit; 1 for the base currency), rounded half-even (banker's rounding, no drift over many lines) to the base
 * currency's minor unit. Lines are rounded one by one, so the base amounts of an entry whose document amounts balance
 * can differ by up to half a minor unit per foreign line. That difference is posted on one extra line on the FX
 * rounding account, on the side that makes the base amounts balance; its document amount is zero, in the entry's
 * first foreign currency (so the document currencies still balance on their own).
 */
final class FxRules {

    /** Decimals a rate may have (the {@code DECIMAL(21,10)} columns). */
    static final int RATE_SCALE = 10;
    /** Digits a rate may have before the decimal point. */
    static final int RATE_INTEGER_DIGITS = 11;

    private FxRules() {
    }

    /** A stored rate without trailing zeros (and never in exponent form with a negative scale). */
    static BigDecimal normalise(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Checks a rate someone entered.
     *
     * @throws IllegalArgumentException when it is missing, not positive, too large or has more than 10 decimals
     */
    static BigDecimal requireValidRate(BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException("Enter a rate.");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("A rate must be positive: " + rate.toPlainString());
        }
        if ((long) rate.precision() - rate.scale() > RATE_INTEGER_DIGITS) {
            throw new IllegalArgumentException("A rate has at most " + RATE_INTEGER_DIGITS
                    + " digits before the decimal point.");
        }
        BigDecimal normalised = normalise(rate);
        if (normalised.scale() > RATE_SCALE) {
            throw new IllegalArgumentException("A rate has at most " + RATE_SCALE + " decimals: "
                    + rate.toPlainString());
        }
        return normalised;
    }

    /** The amount in the base currency: amount times rate, rounded half-even to the base currency's minor unit. */
    static Money toBase(Money amount, BigDecimal rate, Currency base) {
        if (amount.currency().equals(base)) {
            return amount;
        }
        return Money.rounded(amount.amount().multiply(rate), base, RoundingMode.HALF_EVEN);
    }

    /**
     * The lines with their base amounts and rates, plus an FX rounding line when the rounded base amounts do not
     * balance.
     *
     * @param lines           balanced lines in document currency
     * @param base            the base currency
     * @param rateOf          the rate of a foreign currency (called once per line in a foreign currency); throws when
     *                        there is none
     * @param roundingAccount where the rounding difference goes
     */
    static List<JournalLine> withBaseAmounts(List<JournalLine> lines, Currency base,
            Function<Currency, BigDecimal> rateOf, String roundingAccount) {
        List<JournalLine> converted = new ArrayList<>(lines.size() + 1);
        BigDecimal net = BigDecimal.ZERO;
        Currency firstForeign = null;
        for (JournalLine line : lines) {
            Currency currency = line.amount().currency();
            BigDecimal rate = BigDecimal.ONE;
            if (!currency.equals(base)) {
                rate = rateOf.apply(currency);
                if (firstForeign == null) {
                    firstForeign = currency;
                }
            }
            JournalLine withBase = line.withBase(toBase(line.amount(), rate, base), rate);
            net = net.add(withBase.signedBase().amount());
            converted.add(withBase);
        }
        if (net.signum() != 0) {
            // only foreign lines are rounded, so there is a foreign currency here
            JournalLine.Side side = net.signum() > 0 ? JournalLine.Side.CREDIT : JournalLine.Side.DEBIT;
            converted.add(new JournalLine(roundingAccount, side, Money.zero(firstForeign), null,
                    new Money(net.abs(), base), BigDecimal.ONE));
        }
        return converted;
    }

    /** Debits minus credits of the base amounts (zero for a balanced, converted entry). */
    static BigDecimal baseDifference(List<JournalLine> lines) {
        BigDecimal net = BigDecimal.ZERO;
        for (JournalLine line : lines) {
            net = net.add(line.signedBase().amount());
        }
        return net;
    }
}
