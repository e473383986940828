package org.partnerfinance.widget.balance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.partnerfinance.documents.api.Statement;

/**
 * One currency's balance on the card: the statement's closing balance and the overdue part of it (positive: the
 * partner owes the company).
 */
record BalanceRow(String currency, BigDecimal closing, BigDecimal overdue) {

    static BalanceRow of(Statement statement) {
        return new BalanceRow(statement.currency(), statement.closing(), statement.aging().overdue());
    }

    /** The overdue share of what is owed in percent, 0 to 100 (0 when nothing is owed). */
    int overduePercent() {
        if (closing.signum() <= 0 || overdue.signum() <= 0) {
            return 0;
        }
        BigDecimal share = overdue.multiply(BigDecimal.valueOf(100)).divide(closing, 0, RoundingMode.HALF_UP);
        return Math.min(100, share.intValue());
    }

    /** e.g. {@code 1,234.50}, with the currency's decimals. */
    static String amount(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return String.format(Locale.ROOT, "%,." + digits + "f", amount);
    }

    /** A small bar: the overdue part in red within the whole balance (SVG markup, nothing from users in it). */
    String svg() {
        int width = 200;
        int overdueWidth = overduePercent() * width / 100;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width + "\" height=\"10\" viewBox=\"0 0 "
                + width + " 10\"><title>" + overduePercent() + "% overdue</title>"
                + "<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"10\" rx=\"2\" "
                + "style=\"fill: var(--lumo-contrast-10pct)\"/>"
                + "<rect x=\"0\" y=\"0\" width=\"" + overdueWidth + "\" height=\"10\" rx=\"2\" "
                + "style=\"fill: var(--lumo-error-color)\"/></svg>";
    }
}
