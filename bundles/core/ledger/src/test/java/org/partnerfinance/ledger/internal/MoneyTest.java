package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

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
}
