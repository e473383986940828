package org.partnerfinance.documents.api;

public enum DisputeStatus {
    /** Waiting for finance. */
    OPEN,
    /** Finance agreed; a credit note was issued for the accepted amount. */
    ACCEPTED,
    /** Finance disagreed, with a reason. */
    REJECTED
}
