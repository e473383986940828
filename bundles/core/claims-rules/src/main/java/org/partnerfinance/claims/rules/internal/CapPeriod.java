package org.partnerfinance.claims.rules.internal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Calendar periods of the cap per period. */
public enum CapPeriod {
    MONTH("this month"), QUARTER("this quarter"), YEAR("this year");

    private final String phrase;

    CapPeriod(String phrase) {
        this.phrase = phrase;
    }

    /** First day of the period containing the date. */
    LocalDate start(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** Last day of the period containing the date. */
    LocalDate end(LocalDate date) {
        return switch (this) {
            case MONTH -> start(date).plusMonths(1).minusDays(1);
            case QUARTER -> start(date).plusMonths(3).minusDays(1);
            case YEAR -> start(date).plusYears(1).minusDays(1);
        };
    }

    /** e.g. "this quarter (2026-04-01 to 2026-06-30)": the period of the claim being checked. */
    String describe(LocalDate date) {
        return phrase + " (" + start(date) + " to " + end(date) + ")";
    }
}
