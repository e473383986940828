package org.partnerfinance.connectors.api;

/**
 * An export connector cannot express a payment order in its format (1.2); the message says why, for the person
 * exporting (e.g. "The company's IBAN is not configured (etc/org.partnerfinance.connector.pain001.cfg)").
 */
public class ExportFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportFormatException(String message) {
        super(message);
    }
}
