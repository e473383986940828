package org.partnerfinance.connectors.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.security.api.Caller;

/**
 * {@code pf:export <connector-id> <payment-id,...> <file>} or {@code pf:export --all-scheduled <connector-id> <file>}:
 * exports scheduled payments to partners with an export connector (e.g. a pain.001 file for the bank), as an
 * integrator, writes the file and prints the run. The last line starts with {@code EXPORT COMPLETED} or
 * {@code EXPORT REFUSED}, for scripts.
 */
@Service
@Command(scope = "pf", name = "export", description = "Exports scheduled payments to partners with an export "
        + "connector (e.g. pain001), marks them sent to the bank and writes the file.")
public class ExportCommand implements Action {

    @Option(name = "--all-scheduled", description = "Export every scheduled payment to partners")
    boolean allScheduled;

    @Argument(index = 0, name = "connector-id", required = true, description = "The export connector, e.g. pain001")
    String connectorId;

    @Argument(index = 1, name = "payments", required = true,
            description = "Payment ids separated by commas, e.g. 12,13 (with --all-scheduled: the file)")
    String second;

    @Argument(index = 2, name = "file", required = false, description = "Where to write the file")
    String third;

    @Reference
    ExportService exports;

    @Reference
    DocumentService documents;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        PrintStream out = session.getConsole();
        Caller caller = ImportCommand.caller();
        String file = allScheduled ? second : third;
        if (file == null || file.isBlank() || (allScheduled && third != null)) {
            out.println("EXPORT REFUSED: usage: pf:export <connector-id> <payment-id,...> <file> | "
                    + "pf:export --all-scheduled <connector-id> <file>");
            return null;
        }
        Path path = Path.of(file);
        if (Files.exists(path)) {
            out.println("EXPORT REFUSED: " + file + " exists already; name a new file.");
            return null;
        }
        List<Long> ids;
        try {
            ids = allScheduled ? allScheduled(caller) : parse(second);
        } catch (NumberFormatException e) {
            out.println("EXPORT REFUSED: payment ids are numbers separated by commas, not '" + second + "'.");
            return null;
        }
        if (ids.isEmpty()) {
            out.println("EXPORT REFUSED: there are no scheduled payments to partners.");
            return null;
        }
        ExportRun run;
        try {
            run = exports.export(caller, connectorId, ids);
        } catch (ExportRefusedException e) {
            e.reasons().forEach(r -> out.println("  " + r));
            out.println("EXPORT REFUSED: nothing was sent or marked (" + e.reasons().size()
                    + (e.reasons().size() == 1 ? " reason)" : " reasons)"));
            return null;
        } catch (UnknownConnectorException e) {
            out.println("EXPORT REFUSED: " + e.getMessage());
            return null;
        }
        byte[] content = exports.file(caller, run.id()).orElseThrow().content();
        Files.write(path, content);
        out.printf("Export %d with %s: %s, %d payment(s), %s%n", run.id(), run.connector(), run.messageId(),
                run.count(), String.join(", ", run.totals().stream().map(m -> m.format()).toList()));
        out.printf("Wrote %s (%,d bytes, sha256 %s)%n", path, content.length, run.sha256());
        out.println("EXPORT COMPLETED");
        return null;
    }

    static List<Long> parse(String ids) {
        List<Long> list = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (!part.isBlank()) {
                list.add(Long.parseLong(part.strip()));
            }
        }
        return list;
    }

    private List<Long> allScheduled(Caller caller) {
        List<Long> ids = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Payment> page = documents.payments(caller, new PaymentQuery(null, Direction.PAYABLE,
                    PaymentStatus.SCHEDULED, null, null, offset, DocumentQuery.MAX_LIMIT));
            page.items().forEach(p -> ids.add(p.id()));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return ids;
            }
        }
    }
}
