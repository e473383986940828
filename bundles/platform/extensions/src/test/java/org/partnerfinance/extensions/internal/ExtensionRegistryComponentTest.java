package org.partnerfinance.extensions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class ExtensionRegistryComponentTest {

    private final FakeFramework framework = new FakeFramework();
    private final FeatureTogglesComponent toggles = new FeatureTogglesComponent(new FakeConfigurationAdmin().admin(),
            FeatureTogglesComponentTest.config());
    private final AtomicInteger notifications = new AtomicInteger();

    private static Map<String, Object> contribution(String id, String kind, String detail) {
        return detail == null
                ? Map.of(ExtensionConstants.EXTENSION_ID, id, ExtensionConstants.EXTENSION_KIND, kind,
                        ExtensionConstants.EXTENSION_NAME, id + " name",
                        Constants.OBJECTCLASS, new String[] {"org.example.ClaimType", "org.example.Other"})
                : Map.of(ExtensionConstants.EXTENSION_ID, id, ExtensionConstants.EXTENSION_KIND, kind,
                        ExtensionConstants.EXTENSION_NAME, id + " name", ExtensionConstants.EXTENSION_DETAIL, detail);
    }

    private final FakeAudit audit = new FakeAudit();

    {
        toggles.audit = audit.trail();
        toggles.unitOfWork = audit.unitOfWork();
    }

    private ExtensionRegistryComponent start() throws InvalidSyntaxException {
        ExtensionRegistryComponent registry = new ExtensionRegistryComponent(framework.context(), toggles);
        registry.audit = audit.trail();
        registry.addListener(notifications::incrementAndGet);
        registry.activate();
        return registry;
    }

    @Test
    public void anExtensionArrivingWithItsFirstContributionAndLeavingWithItsLastIsAudited() throws Exception {
        framework.register("org.partnerfinance.pf-claim-expense", contribution("expense", "claim-type", null));
        ExtensionRegistryComponent registry = start();
        ServiceReference<?> screen = framework.register("org.partnerfinance.pf-claim-expense",
                contribution("expense", "screen", "claims/expense"));
        ServiceReference<?> widget = framework.register("org.partnerfinance.pf-widget-my-claims",
                contribution("my-claims", "widget", "My claims"));
        framework.unregister(widget);
        framework.unregister(screen);
        registry.deactivate(); // waits for the audit records being written

        assertEquals(List.of(
                new AuditEvent("system", "extension.arrived", "extension", "expense", "",
                        "org.partnerfinance.pf-claim-expense 1.2.3"),
                new AuditEvent("system", "extension.arrived", "extension", "my-claims", "",
                        "org.partnerfinance.pf-widget-my-claims 1.2.3"),
                new AuditEvent("system", "extension.left", "extension", "my-claims",
                        "org.partnerfinance.pf-widget-my-claims 1.2.3", "")),
                audit.events());
    }

    @Test
    public void listsServicesRegisteredBeforeAndAfterActivationSortedByKindIdAndDetail()
            throws InvalidSyntaxException {
        framework.register("org.partnerfinance.pf-claim-expense", contribution("expense", "screen", "claims/expense"));
        ExtensionRegistryComponent registry = start();
        framework.register("org.partnerfinance.pf-claim-expense", contribution("expense", "claim-type", null));
        framework.register("org.partnerfinance.pf-widget-my-claims", contribution("my-claims", "widget", "My claims"));
        framework.register("org.partnerfinance.pf-claim-expense", contribution("expense", "screen", "claims/all"));

        List<ExtensionInfo> list = registry.list();

        assertEquals(List.of(
                new ExtensionInfo("expense", "expense name", ExtensionKind.SCREEN, "claims/all",
                        "org.partnerfinance.pf-claim-expense 1.2.3", true),
                new ExtensionInfo("expense", "expense name", ExtensionKind.SCREEN, "claims/expense",
                        "org.partnerfinance.pf-claim-expense 1.2.3", true),
                new ExtensionInfo("my-claims", "my-claims name", ExtensionKind.WIDGET, "My claims",
                        "org.partnerfinance.pf-widget-my-claims 1.2.3", true),
                new ExtensionInfo("expense", "expense name", ExtensionKind.CLAIM_TYPE,
                        "org.example.ClaimType, org.example.Other", "org.partnerfinance.pf-claim-expense 1.2.3", true)),
                list);
    }

    @Test
    public void listenersAreToldOfAddModifyAndRemove() throws InvalidSyntaxException {
        ExtensionRegistryComponent registry = start();
        ServiceReference<?> screen = framework.register("b", contribution("expense", "screen", "claims/expense"));
        assertEquals(1, notifications.get());

        framework.modify(screen, ExtensionConstants.EXTENSION_DETAIL, "claims/expenses");
        assertEquals(2, notifications.get());
        assertEquals("claims/expenses", registry.list().get(0).detail());

        framework.unregister(screen);
        assertEquals(3, notifications.get());
        assertTrue(registry.list().isEmpty());
    }

    @Test
    public void servicesWithoutAKnownKindAreNotListed() throws InvalidSyntaxException {
        ExtensionRegistryComponent registry = start();
        framework.register("b", Map.of(ExtensionConstants.EXTENSION_ID, "x"));
        framework.register("b", contribution("y", "gadget", "d"));
        framework.register("b", Map.of(ExtensionConstants.EXTENSION_KIND, "screen"));
        assertTrue(registry.list().isEmpty());
    }

    @Test
    public void theEnabledFlagFollowsTheTogglesAtOnce() throws InvalidSyntaxException {
        ExtensionRegistryComponent registry = start();
        framework.register("b", contribution("expense", "claim-type", "Expense"));
        framework.register("b", contribution("mdf", "claim-type", "MDF"));

        toggles.setEnabled(new Caller("admin", null, EnumSet.of(Role.ADMINISTRATOR), null), "expense", false);

        List<ExtensionInfo> list = registry.list();
        assertFalse(list.get(0).enabled());
        assertEquals("expense", list.get(0).id());
        assertTrue(list.get(1).enabled());
    }

    @Test
    public void aFailingListenerDoesNotStopTheOthers() throws InvalidSyntaxException {
        ExtensionRegistryComponent registry = new ExtensionRegistryComponent(framework.context(), toggles);
        registry.addListener(() -> {
            throw new IllegalStateException("listener bug");
        });
        registry.addListener(notifications::incrementAndGet);
        registry.activate();
        framework.register("b", contribution("expense", "claim-type", "Expense"));
        assertEquals(1, notifications.get());
        assertEquals(1, registry.list().size());
    }

    @Test
    public void deactivationStopsTracking() throws Exception {
        ExtensionRegistryComponent registry = start();
        assertEquals(1, framework.listenerCount());
        registry.deactivate();
        assertEquals(0, framework.listenerCount());
    }
}
