package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;

/**
 * Extension registry and feature toggles in the running distribution: a contribution registered at run time is listed
 * and goes away again, pf:disable / pf:enable switch it, listeners are told, and the set is stored in Config Admin.
 */
public class ExtensionTogglesIT extends PfTestSupport {

    private static final String ID = "itest-sample";

    @Test
    public void contributionsAreListedAndToggledFromTheShell() throws Exception {
        ExtensionRegistry registry = getService(ExtensionRegistry.class);
        FeatureToggles toggles = getService(FeatureToggles.class);
        AtomicInteger notifications = new AtomicInteger();
        ServiceRegistration<ExtensionListener> listener = bundleContext.registerService(ExtensionListener.class,
                notifications::incrementAndGet, null);

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ExtensionConstants.EXTENSION_ID, ID);
        properties.put(ExtensionConstants.EXTENSION_KIND, "connector");
        properties.put(ExtensionConstants.EXTENSION_NAME, "Integration test connector");
        properties.put(ExtensionConstants.EXTENSION_DETAIL, "sample import");
        ServiceRegistration<Runnable> contribution = bundleContext.registerService(Runnable.class, () -> { },
                properties);
        try {
            waitFor("the registry to list " + ID + "; it lists " + registry.list() + ", services with the property: "
                    + Arrays.toString(bundleContext.getAllServiceReferences(null, "(" + ExtensionConstants.EXTENSION_ID
                    + "=*)")), () -> registry.list().stream().anyMatch(e -> e.id().equals(ID)));
            waitFor("listeners to hear of the new contribution", () -> notifications.get() >= 1);
            waitForCommand("pf:extensions");
            String listing = executeCommand("pf:extensions --kind connector");
            assertTrue(listing, listing.lines().anyMatch(l -> l.contains(ID) && l.contains("sample import")
                    && l.contains("yes")));

            int before = notifications.get();
            String disabled = executeCommand("pf:disable " + ID);
            assertTrue(disabled, disabled.contains("is now switched off"));
            assertFalse(toggles.isEnabled(ID));
            assertTrue("listeners told of the toggle", notifications.get() > before);
            assertTrue(executeCommand("pf:extensions").lines()
                    .anyMatch(l -> l.contains(ID) && l.trim().endsWith("no")));

            ConfigurationAdmin configAdmin = getService(ConfigurationAdmin.class);
            Configuration configuration = configAdmin.getConfiguration(ExtensionConstants.TOGGLES_PID, "?");
            waitFor("the toggles to be stored", () -> configuration.getProperties() != null
                    && Set.of((String[]) configuration.getProperties().get("disabled")).contains(ID));

            executeCommand("pf:enable " + ID);
            assertTrue(toggles.isEnabled(ID));
        } finally {
            contribution.unregister();
            listener.unregister();
        }
        waitFor("the registry to drop " + ID, () -> registry.list().stream().noneMatch(e -> e.id().equals(ID)));
        assertFalse(toggles.disabled().contains(ID));
    }
}
