package org.partnerfinance.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;

/** {@code pf:enable <id>}: switches an extension back on in every open browser; the choice survives restarts. */
@Service
@Command(scope = "pf", name = "enable", description = "Switches an extension on (persisted across restarts).")
public class EnableCommand implements Action {

    @Reference
    FeatureToggles toggles;

    @Reference
    ExtensionRegistry registry;


    @Argument(index = 0, name = "id", required = true, description = "Extension id, as listed by pf:extensions")
    @Completion(ExtensionIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        ToggleCommands.toggle(toggles, registry, OperatorCaller.current(), id, true, System.out);
        return null;
    }
}
