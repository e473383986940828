package org.partnerfinance.connectors.api;

/** No connector with that id is installed, or it is switched off. */
public class UnknownConnectorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownConnectorException(String message) {
        super(message);
    }
}
