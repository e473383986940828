package org.partnerfinance.ledger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.MissingExchangeRateException;
import org.partnerfinance.ledger.api.Money;

/** Conversion into the base currency: half-even rounding per line and the FX rounding line. */
public class FxRulesTest {

    private static final Currency EUR = Money.currency("EUR");
    private static final Currency USD = Money.currency("USD");
    private static final Currency JPY = Money.currency("JPY");

    private static List<JournalLine> convert(Map<Currency, String> rates, JournalLine... lines) {
        return FxRules.withBaseAmounts(List.of(lines), EUR, c -> {
            String rate = rates.get(c);
            if (rate == null) {
                throw new MissingExchangeRateException(c, java.time.LocalDate.of(2025, 3, 1), EUR);
            }
            return new BigDecimal(rate);
        }, Accounts.FX_ROUNDING);
    }

    @Test
    public void baseCurrencyLinesKeepTheirAmountAtRateOne() {
        List<JournalLine> lines = convert(Map.of(),
                JournalLine.debit("6100", Money.of("10.01", "EUR"), "P-1"),
                JournalLine.credit("2150", Money.of("10.01", "EUR"), "P-1"));
        assertEquals(2, lines.size());
        assertEquals(Money.of("10.01", "EUR"), lines.get(0).baseAmount());
        assertEquals(BigDecimal.ONE, lines.get(0).rate());
    }

    @Test
    public void amountsAreConvertedWithTheRateAndRoundedHalfEven() {
        // 0.125 EUR -> 0.12 (half to even), 0.135 -> 0.14
        assertEquals(Money.of("0.12", "EUR"), FxRules.toBase(Money.of("0.25", "USD"), new BigDecimal("0.5"), EUR));
        assertEquals(Money.of("0.14", "EUR"), FxRules.toBase(Money.of("0.27", "USD"), new BigDecimal("0.5"), EUR));
        // JPY has no minor unit; the base currency's scale decides: 61.725 -> 61.72 (half to even)
        assertEquals(Money.of("61.72", "EUR"),
                FxRules.toBase(Money.of("10000", "JPY"), new BigDecimal("0.0061725"), EUR));
    }

    @Test
    public void aRoundingDifferenceGoesToTheFxRoundingAccountWithAZeroDocumentAmount() {
        // 10.00 USD debit against three credits; at 0.915 each line rounds on its own:
        // 10.00 -> 9.15; 3.33 -> 3.04695 -> 3.05; 3.33 -> 3.05; 3.34 -> 3.0561 -> 3.06; credits 9.16
        List<JournalLine> lines = convert(Map.of(USD, "0.915"),
                JournalLine.debit("1200", Money.of("10.00", "USD"), "P-1"),
                JournalLine.credit("4000", Money.of("3.33", "USD"), null),
                JournalLine.credit("4000", Money.of("3.33", "USD"), null),
                JournalLine.credit("4000", Money.of("3.34", "USD"), null));
        assertEquals(5, lines.size());
        JournalLine rounding = lines.get(4);
        assertEquals(Accounts.FX_ROUNDING, rounding.accountCode());
        assertEquals(JournalLine.Side.DEBIT, rounding.side());
        assertEquals(Money.zero(USD), rounding.amount());
        assertEquals(Money.of("0.01", "EUR"), rounding.baseAmount());
        assertEquals(0, FxRules.baseDifference(lines).signum());
        assertEquals(new BigDecimal("0.915"), lines.get(0).rate());
    }

    @Test
    public void aRoundingDifferenceTheOtherWayIsACredit() {
        // debits 3.33 + 3.33 + 3.34 -> 9.16 at 0.915, credit 10.00 -> 9.15
        List<JournalLine> lines = convert(Map.of(USD, "0.915"),
                JournalLine.debit("6100", Money.of("3.33", "USD"), null),
                JournalLine.debit("6100", Money.of("3.33", "USD"), null),
                JournalLine.debit("6100", Money.of("3.34", "USD"), null),
                JournalLine.credit("2150", Money.of("10.00", "USD"), "P-1"));
        JournalLine rounding = lines.get(lines.size() - 1);
        assertEquals(JournalLine.Side.CREDIT, rounding.side());
        assertEquals(Money.of("0.01", "EUR"), rounding.baseAmount());
    }

    @Test
    public void entriesInSeveralCurrenciesBalanceInTheBaseCurrencyAfterRounding() {
        List<JournalLine> drafted = new ArrayList<>();
        drafted.add(JournalLine.debit("1000", Money.of("1234.57", "USD"), null));
        drafted.add(JournalLine.credit("1200", Money.of("1234.57", "USD"), "P-1"));
        drafted.add(JournalLine.debit("1000", Money.of("98765", "JPY"), null));
        drafted.add(JournalLine.credit("1200", Money.of("43210", "JPY"), "P-1"));
        drafted.add(JournalLine.credit("1200", Money.of("55555", "JPY"), "P-2"));
        drafted.add(JournalLine.debit("6100", Money.of("5", "EUR"), null));
        drafted.add(JournalLine.credit("2150", Money.of("5", "EUR"), null));
        List<JournalLine> lines = FxRules.withBaseAmounts(drafted, EUR,
                c -> c.equals(USD) ? new BigDecimal("0.9234567") : new BigDecimal("0.0061723"), Accounts.FX_ROUNDING);
        assertEquals(0, FxRules.baseDifference(lines).signum());
        assertTrue(lines.stream().allMatch(l -> l.baseAmount().currency().equals(EUR)));
    }

    @Test
    public void aMissingRateStopsTheConversion() {
        MissingExchangeRateException e = assertThrows(MissingExchangeRateException.class, () -> convert(Map.of(),
                JournalLine.debit("6100", Money.of("1", "USD"), null),
                JournalLine.credit("2150", Money.of("1", "USD"), null)));
        assertEquals(USD, e.currency());
        assertTrue(e.getMessage(), e.getMessage().contains("USD") && e.getMessage().contains("2025-03-01"));
    }

    @Test
    public void ratesArePositiveWithAtMostTenDecimals() {
        assertEquals(new BigDecimal("0.92"), FxRules.requireValidRate(new BigDecimal("0.9200")));
        assertEquals(new BigDecimal("100"), FxRules.requireValidRate(new BigDecimal("1E+2")));
        assertThrows(IllegalArgumentException.class, () -> FxRules.requireValidRate(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FxRules.requireValidRate(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> FxRules.requireValidRate(new BigDecimal("0.12345678901")));
        assertThrows(IllegalArgumentException.class, () -> FxRules.requireValidRate(new BigDecimal("1E+12")));
        assertThrows(IllegalArgumentException.class, () -> FxRules.requireValidRate(null));
    }
}
