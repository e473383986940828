package org.partnerfinance.documents.api;

/**
 * Where a payment stands. Only a CONFIRMED payment moves money in the books (it is posted to the bank account then) and
 * reduces what is open; SCHEDULED, SENT and REPORTED payments are announcements the partner can see.
 */
public enum PaymentStatus {
    /** Planned for its value date (e.g. a payment run); no money moved yet. */
    SCHEDULED,
    /** A source system (ERP) says it was paid; the bank has not confirmed it. */
    REPORTED,
    /** A bank statement (or finance, by hand with the bank's reference) confirmed it. */
    CONFIRMED,
    /**
     * Included in a payment order (e.g. a pain.001 credit transfer file) handed to the bank; the bank has not booked it
     * yet. Settles nothing until a bank statement confirms it (1.1; last, so that the earlier constants keep their
     * ordinals).
     */
    SENT
}
