package org.partnerfinance.extensions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
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
 */
@Component(service = ExtensionRegistry.class, immediate = true)
public class ExtensionRegistryComponent implements ExtensionRegistry {

    static final String FILTER = "(" + ExtensionConstants.EXTENSION_ID + "=*)";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionRegistryComponent.class);

    private final FeatureToggles toggles;
    private final ListenerSet listeners = new ListenerSet();
    private final ServiceTracker<Object, ServiceReference<Object>> tracker;

    @Activate
    public ExtensionRegistryComponent(BundleContext context, @Reference FeatureToggles toggles)
            throws InvalidSyntaxException {
        this.toggles = toggles;
        this.tracker = new ServiceTracker<>(context, context.createFilter(FILTER), new Customizer());
        // all services, whatever class space they were registered in: only their properties are read
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
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
            listeners.fire();
        }
    }
}
