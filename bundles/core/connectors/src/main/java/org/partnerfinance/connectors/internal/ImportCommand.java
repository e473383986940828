package org.partnerfinance.connectors.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.ShellUtil;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * {@code pf:import <connector-id> <file>}: imports a file with a connector, as an integrator, and prints the run's
 * summary (the last line starts with {@code IMPORT COMPLETED} or {@code IMPORT FAILED}, for scripts).
 */
@Service
@Command(scope = "pf", name = "import", description = "Imports a file with an installed connector and prints the "
        + "run: documents created, duplicates, and every rejected document with its reason.")
public class ImportCommand implements Action {

    @Argument(index = 0, name = "connector-id", required = true, description = "The connector, e.g. csv")
    String connectorId;

    @Argument(index = 1, name = "file", required = true, description = "Path of the file on the portal's machine")
    String file;

    @Reference
    ImportService imports;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        PrintStream out = session.getConsole();
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(file, null, "not a readable file");
        }
        ImportRun run;
        try (InputStream in = Files.newInputStream(path)) {
            run = imports.run(caller(), connectorId, path.getFileName().toString(), in, (bytes, documents) -> { });
        } catch (UnknownConnectorException e) {
            // scripts read the last line: a connector that is not there (any more) is a failed import, not a crash
            out.println("IMPORT FAILED: " + e.getMessage());
            return null;
        }
        RunSummary.print(run, out);
        return null;
    }

    /**
     * The portal identity of the Karaf shell user: an integrator (Karaf authenticated the operator and its command
     * ACLs decide who may run this command); prefixed so audit records never confuse it with a portal user.
     */
    static Caller caller() {
        String user = ShellUtil.getCurrentUserName();
        String name = user == null || user.isBlank() ? "operator" : user.trim();
        return new Caller("shell:" + name, name + " (Karaf shell)", EnumSet.of(Role.INTEGRATOR), null);
    }
}
