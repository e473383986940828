package org.partnerfinance.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Caller;

/** What {@code pf:enable} and {@code pf:disable} do, apart from the shell plumbing. */
final class ToggleCommands {

    private ToggleCommands() {
    }

    static void toggle(FeatureToggles toggles, ExtensionRegistry registry, Caller caller, String id, boolean enabled,
            PrintStream out) {
        boolean before = toggles.isEnabled(id);
        toggles.setEnabled(caller, id, enabled);
        List<ExtensionInfo> contributions = registry.list().stream().filter(e -> e.id().equals(id)).toList();
        String state = enabled ? "on" : "off";
        if (before == enabled) {
            out.println("Extension '" + id + "' was already switched " + state + ".");
        } else {
            out.println("Extension '" + id + "' is now switched " + state + ".");
        }
        if (contributions.isEmpty()) {
            out.println("No installed bundle contributes extension '" + id
                    + "'; the setting applies when one is installed.");
        } else {
            out.println(contributions.size() + " contribution(s) affected.");
        }
    }
}
