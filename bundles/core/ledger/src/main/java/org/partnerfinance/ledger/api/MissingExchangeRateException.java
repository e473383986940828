package org.partnerfinance.ledger.api;

import java.time.LocalDate;
import java.util.Currency;

/**
 * A posting in a foreign currency for which no exchange rate is dated on or before the entry date. Nothing was
 * posted; finance enters the rate (or imports it) and the posting can be repeated.
 */
public class MissingExchangeRateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Currency currency;
    private final LocalDate date;

    public MissingExchangeRateException(Currency currency, LocalDate date, Currency base) {
        super("There is no exchange rate for " + currency.getCurrencyCode() + " on or before " + date + " (to "
                + base.getCurrencyCode() + "): finance has to enter one before this can be posted.");
        this.currency = currency;
        this.date = date;
    }

    public Currency currency() {
        return currency;
    }

    public LocalDate date() {
        return date;
    }
}
