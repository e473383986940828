package org.partnerfinance.documents.api;

/**
 * How far collections have gone for an overdue receivable. The level a document is due for follows from its days
 * overdue (thresholds configurable); the level it has reached is what finance recorded.
 */
public enum DunningLevel {
    NONE,
    /** A friendly reminder. */
    REMINDER,
    /** A second, firmer notice. */
    SECOND_NOTICE,
    /** Final demand before escalation (collection agency, stop of deliveries). */
    FINAL_DEMAND
}
