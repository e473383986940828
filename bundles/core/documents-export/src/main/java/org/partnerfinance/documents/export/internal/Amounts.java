package org.partnerfinance.documents.export.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

import org.partnerfinance.ledger.api.Money;

/**
 * Amounts as the downloads write them. CSV carries plain decimal strings with the currency's decimals ({@code -1234.50},
 * as the REST API does), so that a spreadsheet or a script reads them without locale guessing; PDFs group thousands
 * for people ({@code 1,234.50}).
 */
final class Amounts {

    private Amounts() {
    }

    static int digits(String currencyCode) {
        try {
            return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    /** Plain decimal with the currency's decimals, e.g. {@code -1234.50}. */
    static String plain(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        return amount.setScale(digits(currencyCode), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Grouped, e.g. {@code -1,234.50}. */
    static String grouped(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%,." + digits(currencyCode) + "f", amount);
    }

    static String grouped(Money money) {
        return money == null ? "" : grouped(money.amount(), money.currency().getCurrencyCode());
    }

    /** e.g. {@code EUR 1,234.50}. */
    static String withCurrency(Money money) {
        return money == null ? "" : money.currency().getCurrencyCode() + " " + grouped(money);
    }

    /** A quantity or rate without trailing zeros, e.g. {@code 2} or {@code 2.5}. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
