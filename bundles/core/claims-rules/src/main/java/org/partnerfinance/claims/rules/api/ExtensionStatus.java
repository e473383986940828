package org.partnerfinance.claims.rules.api;

/** Where a deadline-extension request stands. */
public enum ExtensionStatus {
    /** Waiting for finance. */
    REQUESTED,
    /** Granted until a date: the deadline rule passes the claim until then. */
    GRANTED,
    /** Refused with a reason. */
    REFUSED
}
