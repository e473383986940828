package org.partnerfinance.connectors.api;

/** Whether a connector brings data into the portal or sends it out. */
public enum ConnectorDirection {
    IMPORT, EXPORT
}
