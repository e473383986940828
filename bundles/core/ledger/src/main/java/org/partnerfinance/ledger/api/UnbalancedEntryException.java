package org.partnerfinance.ledger.api;

/** A journal entry that does not balance, or is otherwise malformed. */
public class UnbalancedEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
