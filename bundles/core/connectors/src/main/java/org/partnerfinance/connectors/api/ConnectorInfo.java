package org.partnerfinance.connectors.api;

import java.util.List;

/**
 * An installed connector as the Connectors screen and {@code GET /api/v1/connectors} list it.
 *
 * @param enabled whether administrators have it switched on (a switched-off connector refuses runs)
 */
public record ConnectorInfo(String id, String name, List<String> formats, ConnectorDirection direction,
        boolean enabled) {

    public ConnectorInfo {
        formats = List.copyOf(formats);
    }
}
