package org.partnerfinance.funds.api;

import org.partnerfinance.ledger.api.Money;

/**
 * A reservation, approval or allocation asks for more than is available. The message names what is available where
 * and what was asked, so a user can act on it.
 */
public class InsufficientFundsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Money available;
    private final Money requested;

    public InsufficientFundsException(String message, Money available, Money requested) {
        super(message);
        this.available = available;
        this.requested = requested;
    }

    public Money available() {
        return available;
    }

    public Money requested() {
        return requested;
    }
}
