package org.partnerfinance.tools.internal;

import java.io.PrintStream;
import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.ReconciliationDifference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.security.api.Caller;

/**
 * {@code pf:books-check [asOf]}: the three consistency checks of the books in one report: the trial balance is zero
 * per currency and in the base currency, the partners' open items reconcile with the control accounts, and the audit
 * trail verifies. The last line is {@code BOOKS OK} or {@code BOOKS NOT OK} (what an operator, or a script after a
 * crash, looks for).
 */
@Service
@Command(scope = "pf", name = "books-check", description = "Checks that the trial balance is zero, the partner "
        + "sub-ledger reconciles with the control accounts and the audit trail verifies.")
public class BooksCheckCommand implements Action {

    @Argument(index = 0, name = "asOf", description = "Date to check as of (yyyy-mm-dd; default today)")
    String asOf;

    @Reference
    LedgerService ledger;

    @Reference
    StatementService statements;

    @Reference
    AuditTrail audit;

    @Override
    public Object execute() {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now() : LocalDate.parse(asOf.trim());
        boolean ok = check(ToolCaller.current(), date, System.out);
        System.out.println(ok ? "BOOKS OK" : "BOOKS NOT OK");
        return null;
    }

    boolean check(Caller caller, LocalDate date, PrintStream out) {
        boolean ok = true;
        TrialBalance trial = ledger.trialBalance(caller, date);
        for (TrialBalance.CurrencyTotal total : trial.totalsByCurrency()) {
            boolean zero = total.balance().isZero();
            ok &= zero;
            out.printf("Trial balance %s: debit %s credit %s difference %s%s%n", total.currency().getCurrencyCode(),
                    total.debit().amount().toPlainString(), total.credit().amount().toPlainString(),
                    total.balance().amount().toPlainString(), zero ? "" : "  <-- NOT ZERO");
        }
        ok &= trial.balanced();
        out.printf("Trial balance base %s: debit %s credit %s%s%n", trial.baseCurrency().getCurrencyCode(),
                trial.baseDebit().amount().toPlainString(), trial.baseCredit().amount().toPlainString(),
                trial.balanced() ? "" : "  <-- NOT BALANCED");
        Reconciliation reconciliation = statements.reconcile(caller, date);
        out.printf("Sub-ledger reconciliation: %d compared, %d differences%n", reconciliation.compared(),
                reconciliation.differences().size());
        for (ReconciliationDifference difference : reconciliation.differences()) {
            out.println("  " + difference);
        }
        ok &= reconciliation.reconciled();
        Verification verification = audit.verify(caller);
        out.printf("Audit trail: %s, %d records%s%n", verification.intact() ? "INTACT" : "BROKEN",
                verification.checked(), verification.message().isBlank() ? "" : " (" + verification.message() + ")");
        ok &= verification.intact();
        return ok;
    }
}
