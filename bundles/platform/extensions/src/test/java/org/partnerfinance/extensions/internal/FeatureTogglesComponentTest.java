package org.partnerfinance.extensions.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class FeatureTogglesComponentTest {

    private static final String PID = ExtensionConstants.TOGGLES_PID;

    private final FakeConfigurationAdmin configAdmin = new FakeConfigurationAdmin();
    private final Caller admin = new Caller("admin", "Admin", EnumSet.of(Role.ADMINISTRATOR), null);
    private final Caller reviewer = new Caller("reviewer", "Reviewer", EnumSet.of(Role.FINANCE_REVIEWER), null);

    static ToggleConfiguration config(String... disabled) {
        return (ToggleConfiguration) Proxy.newProxyInstance(FeatureTogglesComponentTest.class.getClassLoader(),
                new Class<?>[] {ToggleConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("disabled")) {
                        return disabled;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private final FakeAudit audit = new FakeAudit();

    private FeatureTogglesComponent start() {
        String[] stored = configAdmin.storedDisabled(PID);
        FeatureTogglesComponent toggles =
                new FeatureTogglesComponent(configAdmin.admin(), stored == null ? config() : config(stored));
        toggles.audit = audit.trail();
        toggles.unitOfWork = audit.unitOfWork();
        return toggles;
    }

    @Test
    public void everySwitchIsAuditedWithActorExtensionAndState() {
        FeatureTogglesComponent toggles = start();
        toggles.setEnabled(admin, "expense", false);
        toggles.setEnabled(admin, "expense", false); // no change, no record
        toggles.setEnabled(Caller.system(), "expense", true);
        assertEquals(List.of(
                new AuditEvent("admin", "extension.disabled", "extension", "expense", "on", "off"),
                new AuditEvent("system", "extension.enabled", "extension", "expense", "off", "on")), audit.events());
    }

    @Test
    public void noSwitchWithoutItsAuditRecordAndNoRecordWithoutTheSwitch() {
        FeatureTogglesComponent toggles = start();
        audit.failAppends = true;
        assertThrows(IllegalStateException.class, () -> toggles.setEnabled(admin, "expense", false));
        assertTrue(toggles.isEnabled("expense"));
        assertNull(configAdmin.storedDisabled(PID));

        audit.failAppends = false;
        configAdmin.failWrites = true;
        assertThrows(IllegalStateException.class, () -> toggles.setEnabled(admin, "expense", false));
        assertTrue(toggles.isEnabled("expense"));
        assertEquals(List.of(), audit.events());

        toggles.audit = null;
        configAdmin.failWrites = false;
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> toggles.setEnabled(admin, "expense", false));
        assertTrue(missing.getMessage(), missing.getMessage().contains("audit trail is not available"));
        assertTrue(toggles.isEnabled("expense"));
    }

    @Test
    public void anAdministratorSwitchesOffAndTheChangeIsVisibleAtOnceAndPersisted() {
        FeatureTogglesComponent toggles = start();
        assertTrue(toggles.isEnabled("expense"));

        toggles.setEnabled(admin, "expense", false);

        assertFalse(toggles.isEnabled("expense"));
        assertEquals(Set.of("expense"), toggles.disabled());
        assertArrayEquals(new String[] {"expense"}, configAdmin.storedDisabled(PID));
        assertEquals("?", configAdmin.locations.get(PID));
    }

    @Test
    public void theSetSurvivesARestart() {
        FeatureTogglesComponent first = start();
        first.setEnabled(admin, "expense", false);
        first.setEnabled(admin, "rebate", false);
        first.setEnabled(admin, "rebate", true);

        FeatureTogglesComponent afterRestart = start();
        assertFalse(afterRestart.isEnabled("expense"));
        assertTrue(afterRestart.isEnabled("rebate"));
        assertEquals(Set.of("expense"), afterRestart.disabled());
    }

    @Test
    public void otherPropertiesOfTheConfigurationAreKept() {
        Hashtable<String, Object> existing = new Hashtable<>();
        existing.put("felix.fileinstall.filename", "file:/opt/pf/etc/org.partnerfinance.toggles.cfg");
        configAdmin.stored.put(PID, existing);

        start().setEnabled(admin, "expense", false);

        assertEquals("file:/opt/pf/etc/org.partnerfinance.toggles.cfg",
                configAdmin.stored.get(PID).get("felix.fileinstall.filename"));
        assertArrayEquals(new String[] {"expense"}, configAdmin.storedDisabled(PID));
    }

    @Test
    public void onlyAdministratorsAndTheSystemMaySwitch() {
        FeatureTogglesComponent toggles = start();
        try {
            toggles.setEnabled(reviewer, "expense", false);
            fail("a reviewer must not switch toggles");
        } catch (AccessDeniedException expected) {
            // refused
        }
        try {
            toggles.setEnabled(null, "expense", false);
            fail("an anonymous caller must not switch toggles");
        } catch (AccessDeniedException expected) {
            // refused
        }
        assertTrue(toggles.isEnabled("expense"));
        assertEquals(0, configAdmin.updates);

        toggles.setEnabled(Caller.system(), "expense", false);
        assertFalse(toggles.isEnabled("expense"));
    }

    @Test
    public void blankIdsAreRejected() {
        FeatureTogglesComponent toggles = start();
        for (String bad : new String[] {null, "", "  ", "a,b"}) {
            try {
                toggles.setEnabled(admin, bad, false);
                fail("accepted id '" + bad + "'");
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        assertEquals(0, configAdmin.updates);
    }

    @Test
    public void aFailedWriteIsReportedAndChangesNothing() {
        FeatureTogglesComponent toggles = start();
        AtomicInteger calls = new AtomicInteger();
        toggles.addListener(calls::incrementAndGet);
        configAdmin.failWrites = true;
        try {
            toggles.setEnabled(admin, "expense", false);
            fail("expected the failure to be reported");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("read-only"));
        }
        assertTrue(toggles.isEnabled("expense"));
        assertEquals(0, calls.get());
        assertNull(configAdmin.storedDisabled(PID));
    }

    @Test
    public void listenersAreToldOfEveryChangeButNotOfNoOps() {
        FeatureTogglesComponent toggles = start();
        AtomicInteger calls = new AtomicInteger();
        ExtensionListener listener = calls::incrementAndGet;
        toggles.addListener(listener);

        toggles.setEnabled(admin, "expense", false);
        assertEquals(1, calls.get());
        toggles.setEnabled(admin, "expense", false);
        assertEquals(1, calls.get());
        toggles.setEnabled(admin, "expense", true);
        assertEquals(2, calls.get());

        toggles.removeListener(listener);
        toggles.setEnabled(admin, "expense", false);
        assertEquals(2, calls.get());
    }

    @Test
    public void aFailingListenerDoesNotStopTheOthersNorTheChange() {
        FeatureTogglesComponent toggles = start();
        AtomicInteger calls = new AtomicInteger();
        toggles.addListener(() -> {
            throw new IllegalStateException("listener bug");
        });
        toggles.addListener(calls::incrementAndGet);

        toggles.setEnabled(admin, "expense", false);

        assertEquals(1, calls.get());
        assertFalse(toggles.isEnabled("expense"));
    }

    @Test
    public void theEchoOfAWriteChangesNothingButAnExternalEditIsAppliedAndAnnounced() {
        FeatureTogglesComponent toggles = start();
        AtomicInteger calls = new AtomicInteger();
        toggles.addListener(calls::incrementAndGet);

        toggles.setEnabled(admin, "expense", false);
        toggles.setEnabled(admin, "rebate", false);
        assertEquals(2, calls.get());

        // Config Admin delivers the first write late: the newer state stays
        toggles.modified(config("expense"));
        assertFalse(toggles.isEnabled("rebate"));
        toggles.modified(config("expense", "rebate"));
        assertEquals(2, calls.get());

        // an operator edits etc/org.partnerfinance.toggles.cfg
        toggles.modified(config("mdf"));
        assertEquals(3, calls.get());
        assertTrue(toggles.isEnabled("expense"));
        assertFalse(toggles.isEnabled("mdf"));
    }
}
