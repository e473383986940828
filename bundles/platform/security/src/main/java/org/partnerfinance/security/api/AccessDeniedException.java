package org.partnerfinance.security.api;

/** Thrown by a service when the caller may not perform the requested read or write. The message is safe to show. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
