package org.partnerfinance.persistence.api;

/**
 * Someone else changed the same record first (optimistic locking). The message is safe to show: the user should reload
 * and try again.
 */
public class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
