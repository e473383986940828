package org.partnerfinance.demo.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Weekly exchange rates of the demo currencies for the demo's history (and a little before it, so that the first
 * posting finds a rate), as the CSV the ledger imports. The rates wander around realistic levels with a fixed seed;
 * they are expressed in whatever base currency the ledger is configured with.
 */
final class DemoRates {

    /** Euros per unit of each demo currency around which the rates wander. */
    private static final Map<String, BigDecimal> EUR_PER_UNIT = Map.of(
            "EUR", BigDecimal.ONE, "USD", new BigDecimal("0.9200"), "GBP", new BigDecimal("1.1650"),
            "CHF", new BigDecimal("1.0450"), "SEK", new BigDecimal("0.0880"), "NOK", new BigDecimal("0.0860"));

    /** The currencies the demo partners deal in. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK");

    private DemoRates() {
    }

    /**
     * {@code date,currency,rate} lines (with the header) for every Monday from {@code months + 1} months before
     * {@code today} up to {@code today}, and {@code today} itself, of every demo currency except the base currency.
     */
    static String csv(LocalDate today, int months, Currency base) {
        BigDecimal basePerEur = BigDecimal.ONE.divide(level(base.getCurrencyCode()), MathContext.DECIMAL64);
        StringBuilder out = new StringBuilder("date,currency,rate\n");
        LocalDate first = today.minusMonths(months + 1L).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (String code : CURRENCIES) {
            if (code.equals(base.getCurrencyCode())) {
                continue;
            }
            Random random = new Random(DemoHistory.SEED + code.hashCode());
            BigDecimal eur = level(code);
            for (LocalDate date = first; !date.isAfter(today); date = next(date, today)) {
                // a random walk of at most 0.6 % a week, pulled back towards the level
                double step = (random.nextDouble() - 0.5) * 0.012;
                double pull = (level(code).doubleValue() - eur.doubleValue()) / level(code).doubleValue() * 0.1;
                eur = eur.multiply(BigDecimal.valueOf(1 + step + pull), MathContext.DECIMAL64);
                BigDecimal rate = eur.multiply(basePerEur, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN);
                out.append(date).append(',').append(code).append(',').append(rate.toPlainString()).append('\n');
            }
        }
        return out.toString();
    }

    private static LocalDate next(LocalDate date, LocalDate today) {
        LocalDate monday = date.plusWeeks(1);
        return monday.isAfter(today) && date.isBefore(today) ? today : monday;
    }

    private static BigDecimal level(String code) {
        BigDecimal level = EUR_PER_UNIT.get(code);
        if (level == null) {
            throw new IllegalArgumentException("The demo has no exchange rate level for " + code.toUpperCase(Locale.ROOT)
                    + "; it knows " + CURRENCIES);
        }
        return level;
    }
}
