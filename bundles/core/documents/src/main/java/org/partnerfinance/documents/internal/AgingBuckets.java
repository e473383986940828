package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.partnerfinance.documents.api.Aging;

/**
 * Collects signed open amounts into aging buckets by days overdue on a date ({@code asOf − dueDate}): current (not yet
 * due: 0 days or fewer), 1–30, 31–60, 61–90, 91–120, over 120; unapplied payments and credit notes apart. Mutable, for
 * one computation.
 */
final class AgingBuckets {

    private BigDecimal unapplied = BigDecimal.ZERO;
    private final BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO};

    /** Bucket index 0 (current) to 5 (over 120 days) for a number of days overdue. */
    static int bucketOf(long daysOverdue) {
        if (daysOverdue <= 0) {
            return 0;
        }
        if (daysOverdue <= 30) {
            return 1;
        }
        if (daysOverdue <= 60) {
            return 2;
        }
        if (daysOverdue <= 90) {
            return 3;
        }
        if (daysOverdue <= 120) {
            return 4;
        }
        return 5;
    }

    static long daysOverdue(LocalDate dueDate, LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueDate, asOf);
    }

    /** Adds a signed open amount of a document due on {@code dueDate}. */
    AgingBuckets add(LocalDate dueDate, LocalDate asOf, BigDecimal signedOpen) {
        int bucket = bucketOf(daysOverdue(dueDate, asOf));
        buckets[bucket] = buckets[bucket].add(signedOpen);
        return this;
    }

    /** Adds a signed unapplied amount (payment on account, credit note not applied). */
    AgingBuckets addUnapplied(BigDecimal signed) {
        unapplied = unapplied.add(signed);
        return this;
    }

    Aging toAging(int scale) {
        return new Aging(s(unapplied, scale), s(buckets[0], scale), s(buckets[1], scale), s(buckets[2], scale),
                s(buckets[3], scale), s(buckets[4], scale), s(buckets[5], scale));
    }

    private static BigDecimal s(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }
}
