package org.partnerfinance.extensions.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Just enough of a framework for a {@link org.osgi.util.tracker.ServiceTracker}: a service registry of property maps
 * that sends service events to listeners whose filter matches.
 */
final class FakeFramework {

    private final Map<ServiceListener, org.osgi.framework.Filter> listeners = new HashMap<>();
    private final List<ServiceReference<?>> registered = new ArrayList<>();
    private long nextId = 1;

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "createFilter":
                            return FrameworkUtil.createFilter((String) args[0]);
                        case "addServiceListener":
                            listeners.put((ServiceListener) args[0],
                                    args.length > 1 && args[1] != null ? FrameworkUtil.createFilter((String) args[1])
                                            : null);
                            return null;
                        case "removeServiceListener":
                            listeners.remove(args[0]);
                            return null;
                        case "getAllServiceReferences":
                        case "getServiceReferences":
                            org.osgi.framework.Filter filter = args[1] == null ? null
                                    : FrameworkUtil.createFilter((String) args[1]);
                            List<ServiceReference<?>> matching = new ArrayList<>();
                            for (ServiceReference<?> reference : registered) {
                                if (filter == null || filter.match(reference)) {
                                    matching.add(reference);
                                }
                            }
                            return matching.isEmpty() ? null : matching.toArray(new ServiceReference<?>[0]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** Registers a service with these properties from a bundle of this name and version 1.2.3. */
    ServiceReference<?> register(String bundleName, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent(Constants.OBJECTCLASS, new String[] {"org.example.Contribution"});
        all.put(Constants.SERVICE_ID, nextId++);
        ServiceReference<?> reference = reference(bundle(bundleName), all);
        registered.add(reference);
        fire(ServiceEvent.REGISTERED, reference);
        return reference;
    }

    void modify(ServiceReference<?> reference, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) reference.getProperty("__map");
        properties.put(key, value);
        fire(ServiceEvent.MODIFIED, reference);
    }

    void unregister(ServiceReference<?> reference) {
        fire(ServiceEvent.UNREGISTERING, reference);
        registered.remove(reference);
    }

    int listenerCount() {
        return listeners.size();
    }

    private void fire(int type, ServiceReference<?> reference) {
        for (Map.Entry<ServiceListener, org.osgi.framework.Filter> entry : new ArrayList<>(listeners.entrySet())) {
            if (entry.getValue() == null || entry.getValue().match(reference)) {
                entry.getKey().serviceChanged(new ServiceEvent(type, reference));
            }
        }
    }

    private static ServiceReference<?> reference(Bundle bundle, Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperty":
                            return "__map".equals(args[0]) ? properties : properties.get(args[0]);
                        case "getPropertyKeys":
                            return properties.keySet().toArray(new String[0]);
                        case "getProperties":
                            return new java.util.Hashtable<>(properties);
                        case "getBundle":
                            return bundle;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "ServiceReference" + properties;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getSymbolicName":
                            return symbolicName;
                        case "getVersion":
                            return new Version(1, 2, 3);
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
