package org.partnerfinance.connectors.api;

/**
 * The file cannot be read as the connector's format, or not to its end: not this format, malformed, truncated,
 * hostile (e.g. XML with a document type declaration). The message says what is wrong in words an integrator can act
 * on, with the position where known.
 */
public class ImportFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImportFormatException(String message) {
        super(message);
    }

    public ImportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
