package org.partnerfinance.persistence.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.partnerfinance.persistence.api.PersistenceException;

/** Unit resources of the bundle that owns a persistence unit: its wiring class loader and its own entries. */
final class BundleUnitResources implements UnitResources {

    private final Bundle bundle;
    private final ClassLoader loader;

    BundleUnitResources(Bundle bundle) {
        this.bundle = bundle;
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || wiring.getClassLoader() == null) {
            throw new PersistenceException("Bundle " + bundle.getSymbolicName() + " is not resolved: it cannot own a "
                    + "persistence unit");
        }
        this.loader = wiring.getClassLoader();
    }

    @Override
    public ClassLoader classLoader() {
        return loader;
    }

    @Override
    public URL rootUrl() {
        URL root = bundle.getEntry("/");
        if (root == null) {
            throw new PersistenceException("Bundle " + bundle.getSymbolicName() + " has no root entry");
        }
        return root;
    }

    @Override
    public List<MigrationScript> migrationScripts(String folder) {
        List<MigrationScript> scripts = new ArrayList<>();
        // findEntries searches the bundle and its fragments only, never the bundles it imports from
        Enumeration<URL> entries = bundle.findEntries(ClassLoaderUnitResources.trimSlashes(folder), "*.sql", false);
        if (entries != null) {
            while (entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String path = url.getPath();
                scripts.add(new MigrationScript(path.substring(path.lastIndexOf('/') + 1), url));
            }
        }
        return scripts;
    }

    @Override
    public String owner() {
        return bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }
}
