package org.partnerfinance.documents.api;

/** What a partner disputes. */
public enum DisputeSubject {
    /** The whole invoice. */
    INVOICE,
    /** One line of the invoice ({@link DisputeDraft#lineNo()}). */
    LINE,
    /** A deduction: an amount the other side withheld or offset, e.g. a short payment. */
    DEDUCTION
}
