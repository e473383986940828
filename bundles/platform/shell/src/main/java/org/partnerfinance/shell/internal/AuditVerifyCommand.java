package org.partnerfinance.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;

/**
 * {@code pf:audit-verify}: recomputes the audit hash chain and says whether it is intact. The audit trail reference is
 * optional: Karaf registers none of a bundle's commands until every mandatory reference of every command is there, and
 * the toggle commands must work without the audit bundle.
 */
@Service
@Command(scope = "pf", name = "audit-verify", description = "Recomputes the audit trail's hash chain, checks the "
        + "signature of its head and reports whether every stored record is intact.")
public class AuditVerifyCommand implements Action {

    @Reference(optional = true)
    AuditTrail auditTrail;


    @Override
    public Object execute() {
        if (auditTrail == null) {
            throw new IllegalStateException("The audit trail is not available: is the pf-platform feature installed "
                    + "and its audit bundle active?");
        }
        Verification verification = auditTrail.verify(OperatorCaller.current());
        print(verification, System.out);
        return null;
    }

    static void print(Verification verification, PrintStream out) {
        out.println("Audit trail:     " + (verification.intact() ? "INTACT" : "BROKEN"));
        out.println("Records checked: " + verification.checked());
        out.println("Head:            seq " + verification.headSeq());
        out.println("Head signature:  " + verification.headSignature());
        out.println("Beyond head:     " + verification.beyondHead()
                + (verification.beyondHead() == 1 ? " record" : " records"));
        if (verification.firstBroken() >= 0) {
            out.println("First broken:    seq " + verification.firstBroken());
        }
        out.println("Verified at:     " + verification.at());
        if (!verification.message().isBlank()) {
            out.println(verification.message());
        }
    }
}
