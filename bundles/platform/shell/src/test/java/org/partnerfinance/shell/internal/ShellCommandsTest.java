package org.partnerfinance.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class ShellCommandsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Toggles that record who switched what and require an administrator, as the real ones do. */
    private static final class RecordingToggles implements FeatureToggles {
        final Set<String> off = new TreeSet<>();
        final List<String> callers = new ArrayList<>();

        @Override
        public boolean isEnabled(String extensionId) {
            return !off.contains(extensionId);
        }

        @Override
        public Set<String> disabled() {
            return off;
        }

        @Override
        public void setEnabled(Caller caller, String extensionId, boolean enabled) {
            Access.requireAnyRole(caller, Role.ADMINISTRATOR);
            callers.add(caller.username());
            if (enabled) {
                off.remove(extensionId);
            } else {
                off.add(extensionId);
            }
        }
    }

    private final RecordingToggles toggles = new RecordingToggles();
    private final ExtensionRegistry registry = () -> List.of(
            new ExtensionInfo("expense", "Expense reimbursement", ExtensionKind.CLAIM_TYPE, "Expense",
                    "org.partnerfinance.pf-claim-expense 0.1.0", toggles.isEnabled("expense")),
            new ExtensionInfo("expense", "Expense reimbursement", ExtensionKind.SCREEN, "claims/new/expense",
                    "org.partnerfinance.pf-claim-expense 0.1.0", toggles.isEnabled("expense")));

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void shellUsersActAsAdministratorsUnderAPrefixedName() {
        Caller caller = OperatorCaller.forUser("karaf");
        assertEquals("shell:karaf", caller.username());
        assertEquals(Set.of(Role.ADMINISTRATOR), caller.roles());
        assertFalse(caller.isPartner());
        assertNull(caller.partnerId());
        assertEquals("shell:operator", OperatorCaller.forUser(null).username());
        assertEquals("shell:operator", OperatorCaller.forUser(" ").username());
    }

    @Test
    public void disableThenEnableSwitchesTheToggleAsTheOperator() {
        ToggleCommands.toggle(toggles, registry, OperatorCaller.forUser("karaf"), "expense", false, out);
        assertFalse(toggles.isEnabled("expense"));
        assertTrue(output().contains("Extension 'expense' is now switched off."));
        assertTrue(output().contains("2 contribution(s) affected."));

        ToggleCommands.toggle(toggles, registry, OperatorCaller.forUser("karaf"), "expense", true, out);
        assertTrue(toggles.isEnabled("expense"));
        assertTrue(output().contains("Extension 'expense' is now switched on."));
        assertEquals(List.of("shell:karaf", "shell:karaf"), toggles.callers);
    }

    @Test
    public void repeatingAndUnknownIdsAreExplained() {
        ToggleCommands.toggle(toggles, registry, OperatorCaller.forUser("karaf"), "expense", true, out);
        assertTrue(output().contains("Extension 'expense' was already switched on."));

        ToggleCommands.toggle(toggles, registry, OperatorCaller.forUser("karaf"), "rebate", false, out);
        assertTrue(output().contains("No installed bundle contributes extension 'rebate'"));
        assertFalse(toggles.isEnabled("rebate"));
    }

    @Test
    public void theTableShowsEveryColumn() {
        toggles.off.add("expense");
        ExtensionTable.print(registry.list(), out);
        String text = output();
        for (String expected : new String[] {"Kind", "Id", "Name", "Detail", "Bundle", "Enabled", "claim-type",
                "screen", "expense", "Expense reimbursement", "claims/new/expense",
                "org.partnerfinance.pf-claim-expense 0.1.0", "no"}) {
            assertTrue("missing " + expected + " in\n" + text, text.contains(expected));
        }
        assertEquals(4, text.lines().count()); // header, separator, two rows
    }

    @Test
    public void anEmptyListSaysSo() {
        ExtensionTable.print(List.of(), out);
        assertTrue(output().contains("No extensions are installed."));
    }

    @Test
    public void verificationPrintsIntactOrTheFirstBrokenRecordTheSignatureAndRecordsBeyondTheHead() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        AuditVerifyCommand.print(new Verification(at, true, 12, -1, 12, HeadSignature.VALID, 0,
                "All 12 records match."), out);
        assertTrue(output().contains("INTACT"));
        assertTrue(output().contains("Records checked: 12"));
        assertTrue(output().contains("Head signature:  VALID"));
        assertTrue(output().contains("Beyond head:     0 records"));
        assertTrue(output().contains("Verified at:     2026-01-02T03:04:05Z"));
        assertFalse(output().contains("First broken"));

        bytes.reset();
        AuditVerifyCommand.print(new Verification(at, false, 7, 5, 7, HeadSignature.VALID, 0,
                "Record 5 does not match its hash."), out);
        assertTrue(output().contains("BROKEN"));
        assertTrue(output().contains("First broken:    seq 5"));
        assertTrue(output().contains("Record 5 does not match its hash."));

        bytes.reset();
        AuditVerifyCommand.print(new Verification(at, false, 7, -1, 7, HeadSignature.INVALID, 1,
                "Rewritten."), out);
        assertTrue(output().contains("BROKEN"));
        assertTrue(output().contains("Head signature:  INVALID"));
        assertTrue(output().contains("Beyond head:     1 record"));
        assertFalse(output().contains("First broken"));
    }

    @Test
    public void nonAdministratorCallersAreRefusedByTheToggles() {
        try {
            ToggleCommands.toggle(toggles, registry,
                    new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null), "expense", false, out);
            fail("expected refusal");
        } catch (org.partnerfinance.security.api.AccessDeniedException expected) {
            assertTrue(toggles.isEnabled("expense"));
        }
    }
}
