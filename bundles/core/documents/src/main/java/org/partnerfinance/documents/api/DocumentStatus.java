package org.partnerfinance.documents.api;

/**
 * How much of a document is still open, counting only bank-confirmed payments and applied credit notes. Whether a
 * payment was merely reported or scheduled is told by {@link Settlement}, not by the status.
 */
public enum DocumentStatus {
    /** Nothing settled yet. */
    OPEN,
    /** Partly settled; the rest is open. */
    PARTIALLY_SETTLED,
    /** Fully settled. */
    SETTLED
}
