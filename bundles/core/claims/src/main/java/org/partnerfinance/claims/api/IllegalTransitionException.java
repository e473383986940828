package org.partnerfinance.claims.api;

/** A lifecycle move the claim's current status does not allow (e.g. approving a rejected claim). */
public class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
