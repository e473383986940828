package org.partnerfinance.documents.api;

import java.math.BigDecimal;

/**
 * What is open, by how long it is overdue on the statement date. Amounts are signed like a statement balance (positive:
 * the partner owes the company); the buckets add up to the balance. Unapplied holds payments left on account and credit
 * notes not applied to any document.
 */
public record Aging(BigDecimal unapplied, BigDecimal current, BigDecimal days1to30, BigDecimal days31to60,
        BigDecimal days61to90, BigDecimal days91to120, BigDecimal over120) {

    /** The sum of all buckets. */
    public BigDecimal total() {
        return unapplied.add(current).add(days1to30).add(days31to60).add(days61to90).add(days91to120).add(over120);
    }

    /** Everything past due. */
    public BigDecimal overdue() {
        return days1to30.add(days31to60).add(days61to90).add(days91to120).add(over120);
    }
}
