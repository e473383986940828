package org.partnerfinance.documents.ui.internal.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import org.partnerfinance.ledger.api.Money;

/**
 * How the documents screens write amounts and dates: one notation everywhere (ISO dates, grouped amounts with the
 * currency's own number of decimals), so that a figure on screen reads the same as in the CSV and PDF downloads.
 */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** e.g. {@code EUR 1,234.50}; empty for {@code null}. */
    public static String money(Money money) {
        return money == null ? "" : money.format();
    }

    /** An amount without currency, grouped, with the currency's decimals, e.g. {@code -1,234.50}. */
    public static String amount(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        int digits = 2;
        if (currencyCode != null) {
            try {
                digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
            } catch (IllegalArgumentException e) {
                // not an ISO code: keep two decimals, the amount itself is still right
                digits = 2;
            }
        }
        return String.format(Locale.ROOT, "%,." + digits + "f", amount);
    }

    /** An amount with its currency code, e.g. {@code EUR -1,234.50}. */
    public static String amountWithCurrency(BigDecimal amount, String currencyCode) {
        return amount == null ? "" : currencyCode + " " + amount(amount, currencyCode);
    }

    /** ISO date, empty for {@code null}. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** Date and time in UTC to the minute (the portal's users are in several time zones). */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "Credit note", "Partially settled": an enum constant as words. */
    public static String words(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String text = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
