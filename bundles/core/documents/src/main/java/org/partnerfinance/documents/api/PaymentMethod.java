package org.partnerfinance.documents.api;

/** How money moved. */
public enum PaymentMethod {
    BANK_TRANSFER,
    DIRECT_DEBIT,
    CARD,
    CHEQUE,
    /** Settled by offsetting receivables against payables of the same partner. */
    NETTING,
    OTHER
}
