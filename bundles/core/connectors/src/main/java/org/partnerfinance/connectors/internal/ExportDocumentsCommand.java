package org.partnerfinance.connectors.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.security.api.Caller;

/**
 * {@code pf:export-documents [--file <file>] <connector-id> <document-number-or-id>...}: exports receivable invoices and
 * credit notes with a document export connector (e.g. {@code peppol-ubl}), as an integrator, writes the file (one
 * document: its XML; several: a zip) and prints the run. The last line starts with {@code EXPORT COMPLETED} or
 * {@code EXPORT REFUSED}, for scripts.
 */
@Service
@Command(scope = "pf", name = "export-documents", description = "Exports receivable invoices and credit notes with a "
        + "document export connector (e.g. peppol-ubl) and writes the file (several documents: a zip).")
public class ExportDocumentsCommand implements Action {

    @Option(name = "--file", aliases = "-f", description = "Where to write the file (default: the run's file name "
            + "in data/exports)")
    String file;

    @Argument(index = 0, name = "connector-id", required = true, description = "The connector, e.g. peppol-ubl")
    String connectorId;

    @Argument(index = 1, name = "documents", required = true, multiValued = true,
            description = "Receivable document numbers (e.g. INV-1) or portal ids")
    List<String> documents;

    @Reference
    ExportService exports;

    @Reference
    DocumentService documentService;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        PrintStream out = session.getConsole();
        Caller caller = ImportCommand.caller();
        if (file != null && Files.exists(Path.of(file))) {
            out.println("EXPORT REFUSED: " + file + " exists already; name a new file.");
            return null;
        }
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String given : documents) {
            try {
                ids.add(resolve(caller, given.strip()));
            } catch (IllegalArgumentException e) {
                unknown.add(e.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            unknown.forEach(r -> out.println("  " + r));
            out.println("EXPORT REFUSED: nothing was exported (" + unknown.size()
                    + (unknown.size() == 1 ? " reason)" : " reasons)"));
            return null;
        }
        ExportRun run;
        try {
            run = exports.exportDocuments(caller, connectorId, ids);
        } catch (ExportRefusedException e) {
            e.reasons().forEach(r -> out.println("  " + r));
            out.println("EXPORT REFUSED: nothing was exported (" + e.reasons().size()
                    + (e.reasons().size() == 1 ? " reason)" : " reasons)"));
            return null;
        } catch (UnknownConnectorException e) {
            out.println("EXPORT REFUSED: " + e.getMessage());
            return null;
        }
        ExportRun.ExportFile exported = exports.file(caller, run.id()).orElseThrow();
        Path path = file != null ? Path.of(file)
                : Path.of(System.getProperty("karaf.data", "."), "exports", exported.fileName());
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.write(path, exported.content());
        out.printf("Export %d with %s: %s, %d document(s) %s, %s%n", run.id(), run.connector(), run.messageId(),
                run.documentIds().size(), run.documentIds(),
                String.join(", ", run.totals().stream().map(m -> m.format()).toList()));
        out.printf("Wrote %s (%,d bytes, sha256 %s)%n", path, exported.content().length, run.sha256());
        out.println("EXPORT COMPLETED");
        return null;
    }

    /**
     * A receivable's id from its number (exact, case-insensitive; numbers are unique per partner, so a number that two
     * partners' receivables share must be given as the id), else from a portal id.
     */
    private long resolve(Caller caller, String given) {
        List<Document> byNumber = documentService.search(caller, new DocumentQuery(null, Direction.RECEIVABLE, null,
                null, null, null, given, null, DocumentQuery.Sort.NUMBER, true, 0, DocumentQuery.MAX_LIMIT))
                .items().stream()
                .filter(d -> d.number().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)))
                .toList();
        if (byNumber.size() == 1) {
            return byNumber.get(0).id();
        }
        if (byNumber.size() > 1) {
            throw new IllegalArgumentException("Number " + given + " is a receivable of several partners ("
                    + String.join(", ", byNumber.stream().map(d -> d.partnerId() + ": id " + d.id()).toList())
                    + "); give the id.");
        }
        if (given.matches("\\d{1,18}")) {
            long id = Long.parseLong(given);
            Optional<Document> d = documentService.find(caller, id);
            if (d.isPresent()) {
                return id;
            }
        }
        throw new IllegalArgumentException("No receivable has the number or id " + given + ".");
    }
}
