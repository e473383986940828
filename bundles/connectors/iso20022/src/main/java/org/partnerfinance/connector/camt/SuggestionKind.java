package org.partnerfinance.connector.camt;

/** What a bank entry may pay. */
public enum SuggestionKind {
    /** An open (scheduled or reported) payment: matching confirms it. */
    PAYMENT,
    /** An open document without a recorded payment: matching records the payment, allocated to it, and confirms it. */
    DOCUMENT,
    /**
     * Several open documents of one partner whose open amounts add up to the entry (1.1): applied with
     * {@link ReconciliationQueue#split} and the suggestion's {@link Suggestion#parts() parts}.
     */
    SPLIT
}
