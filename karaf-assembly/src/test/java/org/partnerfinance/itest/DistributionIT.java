package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;

/** The distribution boots with every portal bundle active and the expense claim type installed. */
public class DistributionIT extends PfTestSupport {

    /** Every bundle the boot features install, by symbolic name. */
    private static final List<String> PORTAL_BUNDLES = List.of(
            "org.partnerfinance.derby",
            "org.partnerfinance.pf-persistence",
            "org.partnerfinance.pf-security",
            "org.partnerfinance.pf-extensions",
            "org.partnerfinance.pf-shell",
            "org.partnerfinance.pf-ui",
            "org.partnerfinance.pf-partner",
            "org.partnerfinance.pf-ledger",
            "org.partnerfinance.pf-audit",
            "org.partnerfinance.pf-claims",
            "org.partnerfinance.pf-claims-ui",
            "org.partnerfinance.pf-claim-expense",
            "org.partnerfinance.pf-widget-my-claims",
            "org.partnerfinance.pf-widget-review-queue",
            "org.partnerfinance.pf-widget-system-health",
            "org.partnerfinance.pf-demo");

    @Test
    public void bootsWithEveryPortalBundleActive() {
        waitForFeatures("pf-http", "pf-platform", "pf-ui", "pf-core", "pf-claim-expense", "pf-widget-my-claims",
                "pf-widget-review-queue", "pf-widget-system-health", "pf-demo");
        for (String symbolicName : PORTAL_BUNDLES) {
            assertActive(symbolicName);
        }
        List<String> notActive = bundles("org.partnerfinance.").stream()
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + stateName(b.getState()))
                .collect(Collectors.toList());
        assertEquals("portal bundles that are not active", List.of(), notActive);
    }

    @Test
    public void theShellListsTheExpenseClaimType() {
        ExtensionRegistry registry = getService(ExtensionRegistry.class);
        waitFor("the expense claim type to be registered", () -> registry.list().stream()
                .anyMatch(DistributionIT::isExpenseClaimType));

        waitForCommand("pf:extensions");
        String output = executeCommand("pf:extensions");

        assertTrue("pf:extensions output:\n" + output, output.lines()
                .anyMatch(line -> line.contains("claim-type") && line.contains("expense")
                        && line.contains("org.partnerfinance.pf-claim-expense") && line.contains("yes")));
    }

    private static boolean isExpenseClaimType(ExtensionInfo info) {
        return info.kind() == ExtensionKind.CLAIM_TYPE && info.id().equals("expense");
    }
}
