package org.partnerfinance.ledger.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. The amount is always held at the currency's minor-unit scale
 * (2 for EUR, 0 for JPY, 3 for KWD); creating Money with more decimals than the currency allows is an error, rounding is
 * explicit through {@link #rounded(BigDecimal, Currency, RoundingMode)}.
 *
 * <p>An amount has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point (what the ledger and the
 * claims store in their {@code DECIMAL(19,4)} columns). Larger magnitudes are refused before any scaling: a
 * {@code BigDecimal} such as {@code 1E+1000000000} is a few bytes, but setting its scale would build a number of a
 * billion digits.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Digits an amount may have before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        BigDecimal checked = requireWithinMagnitude(amount);
        // stripped before the decimals check and the scaling: both stay cheap whatever the amount's own scale
        BigDecimal stripped = checked.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new IllegalArgumentException("An amount in " + currency.getCurrencyCode() + " has at most " + scale
                    + " decimals: " + (amount.scale() > 100 ? amount.toString() : amount.toPlainString()));
        }
        amount = stripped.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * Checks the magnitude of an amount without any arithmetic on it; zero in any representation ({@code 0E+999999})
     * becomes a plain zero.
     *
     * @throws IllegalArgumentException when the amount has more than {@value #MAX_INTEGER_DIGITS} digits before the
     *                                  decimal point
     */
    private static BigDecimal requireWithinMagnitude(BigDecimal amount) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // digits before the decimal point; long arithmetic because the scale may be close to Integer.MIN_VALUE
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("An amount has at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point (less than one quadrillion).");
        }
        return amount;
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds an amount to the currency's minor unit with the given mode. */
    public static Money rounded(BigDecimal amount, Currency currency, RoundingMode mode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal checked = requireWithinMagnitude(amount);
        int scale = scaleOf(currency);
        if (checked.signum() != 0 && (long) checked.precision() - checked.scale() < -(scale + 1L)) {
            // far below half a minor unit (e.g. 1E-1000000000): a value of the same sign just below that rounds
            // the same in every mode, without scaling a number with a billion decimals
            checked = BigDecimal.ONE.movePointLeft(scale + 2).multiply(BigDecimal.valueOf(checked.signum()));
        }
        return new Money(checked.setScale(scale, mode), currency);
    }

    /** Parses an ISO 4217 code, with a clear message for unknown codes. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Currency must be a three-letter ISO 4217 code, e.g. EUR.");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency: " + code);
        }
    }

    static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** e.g. {@code EUR 1,234.50}. */
    public String format() {
        return currency.getCurrencyCode() + " " + String.format(java.util.Locale.ROOT, "%,." + scaleOf(currency) + "f", amount);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
