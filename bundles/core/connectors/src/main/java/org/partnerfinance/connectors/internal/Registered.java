package org.partnerfinance.connectors.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;

/**
 * The connectors a service holds as they were registered (service properties with the connector), found by their id
 * and switched on or off with the feature that contributed them. Import and export services look their connectors up
 * the same way, so that "not installed" and "switched off" read the same everywhere.
 */
final class Registered {

    private Registered() {
    }

    /**
     * The connector with this id, when it is installed and switched on.
     *
     * @param kind how the refusal names it, e.g. "connector" or "document export connector"
     * @param purpose what it is for, e.g. "import with"
     * @throws UnknownConnectorException naming the id, when none is given, installed or switched on
     */
    static <C> C require(List<Map.Entry<Map<String, ?>, C>> registered, Function<C, String> idOf, String connectorId,
            String kind, String purpose, FeatureToggles toggles) {
        if (connectorId == null || connectorId.isBlank()) {
            throw new UnknownConnectorException("Name the connector to " + purpose + ".");
        }
        String id = connectorId.strip();
        Map.Entry<Map<String, ?>, C> entry = registered.stream()
                .filter(e -> idOf.apply(e.getValue()).equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownConnectorException("No " + kind + " '" + id + "' is installed."));
        if (!enabled(entry.getKey(), toggles)) {
            throw new UnknownConnectorException("The connector '" + id + "' is switched off.");
        }
        return entry.getValue();
    }

    /**
     * Whether the extension that contributed a connector is switched on; services without an extension id are, and
     * so is everything while no toggles service is there.
     */
    static boolean enabled(Map<String, ?> properties, FeatureToggles toggles) {
        Object extensionId = properties.get(ExtensionConstants.EXTENSION_ID);
        return extensionId == null || toggles == null || toggles.isEnabled(extensionId.toString());
    }
}
