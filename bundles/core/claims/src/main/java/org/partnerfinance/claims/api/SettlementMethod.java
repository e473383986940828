package org.partnerfinance.claims.api;

/** How an approved claim is settled with the partner. */
public enum SettlementMethod {
    /**
     * A credit note to the partner (receivable direction), applied to what the partner owes the company; settled on
     * its date.
     */
    CREDIT_NOTE,
    /** A payable document for the claim and an outgoing payment on the planned date; settled when the bank confirms. */
    PAYMENT;

    /** How the partner reads it: {@code payment} or {@code credit note}. */
    public String label() {
        return this == PAYMENT ? "payment" : "credit note";
    }
}
