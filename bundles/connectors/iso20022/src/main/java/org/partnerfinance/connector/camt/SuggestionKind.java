package org.partnerfinance.connector.camt;

/** What a bank entry may pay. */
public enum SuggestionKind {
    /** An open (scheduled or reported) payment: matching confirms it. */
    PAYMENT,
    /** An open document without a recorded payment: matching records the payment, allocated to it, and confirms it. */
    DOCUMENT
}
