package org.partnerfinance.persistence.internal;

import java.net.URL;
import java.util.List;

/**
 * What the engine needs from the owner of a persistence unit: its class loader, a root URL (EclipseLink's name for
 * the unit's origin) and its migration scripts. Bundles provide it through {@link BundleUnitResources}; tests through
 * a plain class loader.
 */
interface UnitResources {

    ClassLoader classLoader();

    URL rootUrl();

    /** The scripts directly inside the folder, in any order. */
    List<MigrationScript> migrationScripts(String folder);

    /** Who owns the unit, for messages. */
    String owner();
}
