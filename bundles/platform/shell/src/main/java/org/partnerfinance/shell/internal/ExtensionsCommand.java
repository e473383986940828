package org.partnerfinance.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;

/** {@code pf:extensions}: lists the installed extension contributions and whether each extension is switched on. */
@Service
@Command(scope = "pf", name = "extensions", description = "Lists the installed extensions (screens, widgets, claim "
        + "types, compliance rules, connectors) and whether each is switched on.")
public class ExtensionsCommand implements Action {

    @Reference
    ExtensionRegistry registry;


    @Option(name = "-k", aliases = "--kind", description = "Only this kind: screen, widget, claim-type, "
            + "compliance-rule or connector")
    String kind;

    @Override
    public Object execute() {
        List<ExtensionInfo> extensions = registry.list();
        if (kind != null) {
            Optional<ExtensionKind> wanted = ExtensionKind.byId(kind);
            if (wanted.isEmpty()) {
                throw new IllegalArgumentException("Unknown kind '" + kind + "'. Use one of: screen, widget, "
                        + "claim-type, compliance-rule, connector.");
            }
            extensions = extensions.stream().filter(e -> e.kind() == wanted.get()).toList();
        }
        ExtensionTable.print(extensions, System.out);
        return null;
    }
}
