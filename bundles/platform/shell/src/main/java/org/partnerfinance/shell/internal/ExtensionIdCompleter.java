package org.partnerfinance.shell.internal;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;

/** Completes installed and switched-off extension ids. */
@Service
public class ExtensionIdCompleter implements Completer {

    @Reference
    ExtensionRegistry registry;

    @Reference
    FeatureToggles toggles;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> ids = new TreeSet<>(toggles.disabled());
        for (ExtensionInfo info : registry.list()) {
            ids.add(info.id());
        }
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
