package org.partnerfinance.tools.internal;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.UnitOfWork;

/**
 * {@code pf:generate <partners> <documents>}: fills the database for measurements through the services (every document
 * posted and audited as in production). Restartable: stopping it (Ctrl-C, a crash) loses at most the batch in flight,
 * and the same command continues after the last committed batch.
 */
@Service
@Command(scope = "pf", name = "generate", description = "Fills the database with generated partners and documents "
        + "for measurements, in batches (one unit of work each), with progress; run it again to continue an "
        + "interrupted run.")
public class GenerateCommand implements Action {

    @Argument(index = 0, name = "partners", required = true, description = "How many partners (P-9000001 ...)")
    int partners;

    @Argument(index = 1, name = "documents", required = true, description = "How many documents in total")
    long documents;

    @Option(name = "--batch", description = "Documents per unit of work (default 500)")
    int batch = 500;

    @Option(name = "--paid", description = "Percent of the receivable invoices older than 45 days that get a "
            + "bank-confirmed payment (default 30)")
    int paid = 30;

    @Reference
    PartnerService partnerService;

    @Reference
    DocumentService documentService;

    @Reference
    LedgerService ledger;

    @Reference
    AuditTrail audit;

    @Reference
    UnitOfWork unitOfWork;

    @Override
    public Object execute() {
        GeneratePlan plan = new GeneratePlan(partners, documents, batch, paid, LocalDate.now());
        Generator generator = new Generator(partnerService, documentService, ledger, audit, unitOfWork,
                ToolCaller.current(), System.out);
        // Ctrl-C interrupts the command's thread: the batch in flight finishes (an interrupt inside embedded Derby
        // would abort its connection), and the run stops before the next one
        generator.run(plan, () -> Thread.currentThread().isInterrupted());
        return null;
    }
}
