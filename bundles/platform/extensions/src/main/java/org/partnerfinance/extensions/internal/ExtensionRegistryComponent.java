package org.partnerfinance.extensions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every service carrying {@link ExtensionConstants#EXTENSION_ID}, whatever its interface. Declarative Services
 * cannot reference services by property alone, so a {@link ServiceTracker} follows them. The services themselves are
 * never fetched: listing an extension does not activate it.
 *
 * <p>Immediate, so that it follows the services and tells listeners even while nobody holds the registry itself.
 * Listeners are told when a contribution appears, changes or goes away. Toggle changes are announced by
 * {@link FeatureTogglesComponent} itself; {@link #list()} always reads the current toggle state.
 *
 * <p>An extension arriving (its first contribution) and leaving (its last) is an audit record by {@code system}
 * ({@code extension.arrived} / {@code extension.left}, with the bundle), also at every start of the registry, since it
 * cannot know what changed while it was down.
 */
@Component(service = ExtensionRegistry.class, immediate = true)
public class ExtensionRegistryComponent implements ExtensionRegistry {

    static final String FILTER = "(" + ExtensionConstants.EXTENSION_ID + "=*)";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionRegistryComponent.class);

    private final FeatureToggles toggles;
    private final ListenerSet listeners = new ListenerSet();
    private final ServiceTracker<Object, ServiceReference<Object>> tracker;
    /** Contributions per extension id, to tell when an extension arrives (first) and leaves (last). */
    private final Map<String, Integer> contributions = new HashMap<>();
    /**
     * Audit records are written on a thread of their own: service events arrive while the framework starts and stops
     * bundles, where no database work belongs.
     */
    private final ExecutorService auditor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pf-extension-audit");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;

    /** Optional: without the audit trail arrivals and departures are only logged. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;

    @Activate
    public ExtensionRegistryComponent(BundleContext context, @Reference FeatureToggles toggles)
            throws InvalidSyntaxException {
        this.toggles = toggles;
        this.tracker = new ServiceTracker<>(context, context.createFilter(FILTER), new Customizer());
    }

    /** Opens the tracker once the dynamic references (the audit trail) are bound. */
    @Activate
    void activate() {
        // all services, whatever class space they were registered in: only their properties are read
        tracker.open(true);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the registry stopping is not the extensions leaving: closing the tracker "removes" them all
        stopping = true;
        tracker.close();
        auditor.shutdown();
        if (!auditor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Audit records of extensions arriving or leaving were still being written at shutdown");
            auditor.shutdownNow();
        }
    }

    /** Counts a contribution of an extension in or out; the first in and the last out are audited. */
    private void counted(ServiceReference<?> reference, int delta) {
        if (stopping) {
            return;
        }
        Object id = reference.getProperty(ExtensionConstants.EXTENSION_ID);
        if (!(id instanceof String extensionId) || extensionId.isBlank()) {
            return;
        }
        int now;
        synchronized (contributions) {
            now = contributions.merge(extensionId, delta, Integer::sum);
            if (now <= 0) {
                contributions.remove(extensionId);
            }
        }
        if (delta > 0 && now == 1) {
            audit("extension.arrived", extensionId, "", bundleName(reference));
        } else if (delta < 0 && now <= 0) {
            audit("extension.left", extensionId, bundleName(reference), "");
        }
    }

    private void audit(String action, String extensionId, String before, String after) {
        AuditEvent event = new AuditEvent(Caller.system().username(), action, "extension", extensionId, before, after);
        try {
            auditor.execute(() -> {
                AuditTrail trail = audit;
                if (trail == null) {
                    LOG.warn("Not audited (no audit trail): {} {}", action, extensionId);
                    return;
                }
                try {
                    trail.append(event);
                } catch (RuntimeException e) {
                    LOG.error("Could not audit {} of extension {}: {}", action, extensionId, e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.info("Not audited while the registry stops: {} {}", action, extensionId);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ExtensionListener listener) {
        listeners.add(listener);
    }

    void removeListener(ExtensionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<ExtensionInfo> list() {
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        List<ExtensionInfo> result = new ArrayList<>();
        if (references != null) {
            for (ServiceReference<Object> reference : references) {
                ExtensionInfos.from(properties(reference), bundleName(reference), toggles::isEnabled)
                        .ifPresent(result::add);
            }
        }
        result.sort(ExtensionInfos.ORDER);
        return result;
    }

    static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    static String bundleName(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "(unregistered)" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {

        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
            String problem = ExtensionInfos.problem(properties(reference));
            if (problem != null) {
                LOG.warn("Service {} of {} is not listed as an extension: {}",
                        reference.getProperty(org.osgi.framework.Constants.SERVICE_ID), bundleName(reference), problem);
            } else {
                LOG.debug("Extension contribution added: {}", reference);
                counted(reference, +1);
            }
            listeners.fire();
            return reference;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            listeners.fire();
        }

        @Override
        public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            LOG.debug("Extension contribution removed: {}", reference);
            if (ExtensionInfos.problem(properties(reference)) == null) {
                counted(reference, -1);
            }
            listeners.fire();
        }
    }
}
