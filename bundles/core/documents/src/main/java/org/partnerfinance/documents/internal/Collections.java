package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.partnerfinance.documents.api.DunningLevel;

/** Collections rules: the dunning level a document is due for, and days sales outstanding. */
final class Collections {

    private Collections() {
    }

    /** Days-overdue thresholds of the dunning levels (each at least the one before). */
    record Thresholds(int reminder, int secondNotice, int finalDemand) {
        Thresholds {
            if (reminder < 1 || secondNotice < reminder || finalDemand < secondNotice) {
                throw new IllegalArgumentException("Dunning thresholds must grow: reminder >= 1 <= second notice <= "
                        + "final demand (days overdue), got " + reminder + ", " + secondNotice + ", " + finalDemand);
            }
        }
    }

    static DunningLevel dueLevel(long daysOverdue, Thresholds t) {
        if (daysOverdue >= t.finalDemand()) {
            return DunningLevel.FINAL_DEMAND;
        }
        if (daysOverdue >= t.secondNotice()) {
            return DunningLevel.SECOND_NOTICE;
        }
        if (daysOverdue >= t.reminder()) {
            return DunningLevel.REMINDER;
        }
        return DunningLevel.NONE;
    }

    /**
     * DSO = open receivables / sales of the period × the period's days, one decimal; {@code null} when nothing was
     * invoiced in the period (no meaningful figure).
     */
    static BigDecimal dso(BigDecimal receivables, BigDecimal sales, int periodDays) {
        if (sales.signum() <= 0) {
            return null;
        }
        return receivables.multiply(BigDecimal.valueOf(periodDays)).divide(sales, 1, RoundingMode.HALF_UP);
    }
}
