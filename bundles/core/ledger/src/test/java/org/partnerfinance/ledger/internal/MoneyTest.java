package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;

/** The scale rules the ledger relies on when it rebuilds amounts read from DECIMAL(19,4) columns. */
public class MoneyTest {

    @Test
    public void amountsAreHeldAtTheCurrencysScale() {
        assertEquals(new BigDecimal("12.50"), Money.of("12.5", "EUR").amount());
        assertEquals(new BigDecimal("1500"), Money.of("1500", "JPY").amount());
        assertEquals(new BigDecimal("1.250"), Money.of("1.25", "KWD").amount());
    }

    @Test
    public void databaseScaleIsNormalised() {
        assertEquals(Money.of("12.50", "EUR"), Money.of(new BigDecimal("12.5000"), "EUR"));
        assertEquals(Money.of("1500", "JPY"), Money.of(new BigDecimal("1500.0000"), "JPY"));
        assertEquals(Money.of("-3.10", "USD"), Money.of(new BigDecimal("-3.1000"), "USD"));
    }

    @Test
    public void moreDecimalsThanTheCurrencyAllowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("12.345", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("10.5", "JPY"));
    }

    @Test
    public void roundingIsExplicit() {
        assertEquals(Money.of("12.35", "EUR"),
                Money.rounded(new BigDecimal("12.345"), Currency.getInstance("EUR"), RoundingMode.HALF_UP));
        assertEquals(Money.of("12.34", "EUR"),
                Money.rounded(new BigDecimal("12.345"), Currency.getInstance("EUR"), RoundingMode.HALF_EVEN));
    }

    @Test
    public void currenciesDoNotMix() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
        assertEquals(Money.of("3.00", "EUR"), Money.of("1", "EUR").plus(Money.of("2", "EUR")));
    }

    @Test
    public void currencyCodesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "eur"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ"));
    }

    @Test
    public void absurdMagnitudesAreRefusedBeforeScaling() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new Money(new BigDecimal("1E+1000000000"), Currency.getInstance("EUR")));
        assertEquals("An amount has at most 15 digits before the decimal point (less than one quadrillion).",
                huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("-1E+2147483647", "EUR"));
        assertThrows(IllegalArgumentException.class,
                () -> Money.rounded(new BigDecimal("1E+1000000000"), Currency.getInstance("EUR"), RoundingMode.UP));
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> Money.of("1E-1000000000", "EUR"));
        assertTrue(tiny.getMessage(), tiny.getMessage().contains("at most 2 decimals"));
    }

    @Test
    public void theLargestAmountHasFifteenIntegerDigits() {
        assertEquals(new BigDecimal("999999999999999.99"), Money.of("999999999999999.99", "EUR").amount());
        assertEquals(new BigDecimal("-999999999999999"), Money.of("-999999999999999", "JPY").amount());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1000000000000000", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1E+15", "EUR"));
        assertThrows(IllegalArgumentException.class,
                () -> Money.of("999999999999999", "EUR").plus(Money.of("1", "EUR")));
    }

    @Test
    public void zeroInAnyNotationIsZero() {
        assertEquals(Money.zero(Currency.getInstance("EUR")), Money.of("0E+1000000000", "EUR"));
        assertEquals(Money.zero(Currency.getInstance("EUR")), Money.of("0E-1000000000", "EUR"));
    }

    @Test
    public void roundingAVanishinglySmallAmountFollowsTheMode() {
        Currency eur = Currency.getInstance("EUR");
        BigDecimal tiny = new BigDecimal("1E-1000000000");
        assertEquals(Money.of("0.01", "EUR"), Money.rounded(tiny, eur, RoundingMode.UP));
        assertEquals(Money.of("0.00", "EUR"), Money.rounded(tiny, eur, RoundingMode.HALF_UP));
        assertEquals(Money.of("-0.01", "EUR"), Money.rounded(tiny.negate(), eur, RoundingMode.FLOOR));
        assertEquals(Money.of("0.00", "EUR"), Money.rounded(tiny.negate(), eur, RoundingMode.CEILING));
        assertThrows(ArithmeticException.class, () -> Money.rounded(tiny, eur, RoundingMode.UNNECESSARY));
        assertEquals(Money.of("0.01", "EUR"), Money.rounded(new BigDecimal("0.005"), eur, RoundingMode.HALF_UP));
    }
}
