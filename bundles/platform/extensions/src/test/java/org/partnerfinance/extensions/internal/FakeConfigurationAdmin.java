package org.partnerfinance.extensions.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An in-memory Config Admin: stores one dictionary per PID, as the real one stores it on disk. Only the methods the
 * toggles use are implemented.
 */
final class FakeConfigurationAdmin {

    final Map<String, Hashtable<String, Object>> stored = new HashMap<>();
    final Map<String, String> locations = new HashMap<>();
    int updates;
    boolean failWrites;

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && args.length == 2) {
                        locations.put((String) args[0], (String) args[1]);
                        return configuration((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getPid":
                            return pid;
                        case "getProperties":
                            Hashtable<String, Object> current = stored.get(pid);
                            return current == null ? null : new Hashtable<>(current);
                        case "update":
                            if (args == null || args.length != 1) {
                                throw new UnsupportedOperationException("update()");
                            }
                            if (failWrites) {
                                throw new IOException("configuration store is read-only");
                            }
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                            Hashtable<String, Object> copy = new Hashtable<>();
                            for (String key : Collections.list(properties.keys())) {
                                copy.put(key, properties.get(key));
                            }
                            stored.put(pid, copy);
                            updates++;
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** The stored {@code disabled} property of a PID, as the component would receive it after a restart. */
    String[] storedDisabled(String pid) {
        Hashtable<String, Object> properties = stored.get(pid);
        return properties == null ? null : (String[]) properties.get(FeatureTogglesComponent.DISABLED);
    }
}
