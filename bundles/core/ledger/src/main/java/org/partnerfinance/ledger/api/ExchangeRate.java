package org.partnerfinance.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An exchange rate maintained by finance: from {@link #date()} on (until a later rate of the same currency), one unit
 * of {@link #currency()} is worth {@link #rate()} units of the base currency. A posting uses the latest rate dated on
 * or before its entry date.
 *
 * @param currency the foreign currency
 * @param date     first day the rate applies to
 * @param rate     base-currency units per one unit of the currency, positive, at most 10 decimals
 */
public record ExchangeRate(Currency currency, LocalDate date, BigDecimal rate) {
}
