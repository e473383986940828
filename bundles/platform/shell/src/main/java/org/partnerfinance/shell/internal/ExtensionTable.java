package org.partnerfinance.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.partnerfinance.extensions.api.ExtensionInfo;

/** Prints extension contributions as a table: kind, id, name, detail, bundle, enabled. */
final class ExtensionTable {

    private ExtensionTable() {
    }

    static ShellTable of(List<ExtensionInfo> extensions) {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Name");
        table.column("Detail").maxSize(60);
        table.column("Bundle");
        table.column("Enabled");
        table.emptyTableText("No extensions are installed.");
        for (ExtensionInfo info : extensions) {
            table.addRow().addContent(info.kind().id(), info.id(), info.name(), info.detail(), info.bundle(),
                    info.enabled() ? "yes" : "no");
        }
        return table;
    }

    static void print(List<ExtensionInfo> extensions, PrintStream out) {
        of(extensions).print(out);
    }
}
