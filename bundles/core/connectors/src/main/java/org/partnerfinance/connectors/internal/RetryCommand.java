package org.partnerfinance.connectors.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportService;

/**
 * {@code pf:import-retry <run-id>}: imports the kept file of an earlier run again, as a new run, and prints it like
 * {@code pf:import} does.
 */
@Service
@Command(scope = "pf", name = "import-retry", description = "Imports the kept file of an earlier run again, as a new "
        + "run (after the connector was fixed or reconfigured, or rejected partners were created); what the earlier "
        + "run created comes back as duplicates.")
public class RetryCommand implements Action {

    @Argument(index = 0, name = "run-id", required = true, description = "The run to retry (see the Imports screen "
            + "or GET /api/v1/imports)")
    long runId;

    @Reference
    ImportService imports;

    @Reference
    Session session;

    @Override
    public Object execute() {
        RunSummary.print(imports.retry(ImportCommand.caller(), runId, ImportProgress.NONE), session.getConsole());
        return null;
    }
}
