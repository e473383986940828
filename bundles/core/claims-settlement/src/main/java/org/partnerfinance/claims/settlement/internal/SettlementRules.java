package org.partnerfinance.claims.settlement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimAccrual;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * The rules of settling a claim, free of services: which dates may be planned, the documents and payment a settlement
 * issues (worth the claim's open accrual, its one line posted against the claim type's expense account, outside the
 * scope of VAT: a reimbursement, not a supply), and how a credit note is applied to open invoices.
 */
final class SettlementRules {

    /** Where the settlement documents come from, as the documents core shows it. */
    static final String SOURCE = "claims";
    /** How far ahead a settlement may be planned. */
    static final int MAX_DAYS_AHEAD = 366;
    private static final int MAX_LINE_TEXT = 500;

    private SettlementRules() {
    }

    /** @throws IllegalArgumentException when the method or date cannot be planned on {@code today} */
    static void requirePlannable(SettlementMethod method, LocalDate date, LocalDate today) {
        if (method == null) {
            throw new IllegalArgumentException("Choose how the claims are settled: credit note or payment.");
        }
        if (date == null) {
            throw new IllegalArgumentException("Choose the settlement date.");
        }
        if (date.isBefore(today)) {
            throw new IllegalArgumentException("The settlement date " + date + " is in the past.");
        }
        if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new IllegalArgumentException("The settlement date " + date + " is more than a year ahead.");
        }
    }

    /** Whether a credit note planned for {@code date} is settled on {@code asOf}. */
    static boolean due(LocalDate date, LocalDate asOf) {
        return !date.isAfter(asOf);
    }

    /** The payable invoice for a claim settled by payment: issued today, due on the planned date. */
    static DocumentDraft payable(Claim claim, ClaimAccrual accrual, LocalDate today, LocalDate date) {
        return document(claim, accrual, Direction.PAYABLE, DocumentKind.INVOICE, today, date);
    }

    /** The credit note for a claim settled by credit note: issued and due on its date. */
    static DocumentDraft creditNote(Claim claim, ClaimAccrual accrual, LocalDate date) {
        return document(claim, accrual, Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE, date, date);
    }

    private static DocumentDraft document(Claim claim, ClaimAccrual accrual, Direction direction, DocumentKind kind,
            LocalDate issued, LocalDate due) {
        Money amount = requireAmount(claim, accrual);
        LineDraft line = new LineDraft(lineText(claim), BigDecimal.ONE, amount.amount(), "O", BigDecimal.ZERO,
                accrual.rule().expenseAccount());
        return new DocumentDraft(claim.partnerId(), direction, kind, claim.reference(), issued, due,
                amount.currency().getCurrencyCode(), List.of(line), amount.amount(), null, SOURCE, claim.reference());
    }

    /** The outgoing payment of the payable, planned for its value date and allocated to it. */
    static PaymentDraft payment(Claim claim, ClaimAccrual accrual, long payableId, LocalDate date) {
        Money amount = requireAmount(claim, accrual);
        return new PaymentDraft(claim.partnerId(), Direction.PAYABLE, amount.amount(),
                amount.currency().getCurrencyCode(), PaymentMethod.BANK_TRANSFER, date, PaymentStatus.SCHEDULED,
                "Claim " + claim.reference(), claim.reference(), SOURCE, null,
                List.of(new AllocationRequest(payableId, amount.amount())));
    }

    /**
     * Applies {@code available} of a credit note to open invoices, oldest due first (then lowest id), each up to what
     * it has open; what is left stays on account.
     */
    static List<AllocationRequest> creditPlan(BigDecimal available, List<Document> openInvoices) {
        List<Document> ordered = new ArrayList<>(openInvoices);
        ordered.sort(Comparator.comparing(Document::dueDate).thenComparingLong(Document::id));
        List<AllocationRequest> plan = new ArrayList<>();
        BigDecimal left = available;
        for (Document invoice : ordered) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal open = invoice.open().amount();
            if (invoice.kind() != DocumentKind.INVOICE || open.signum() <= 0) {
                continue;
            }
            BigDecimal amount = open.min(left);
            plan.add(new AllocationRequest(invoice.id(), amount));
            left = left.subtract(amount);
        }
        return plan;
    }

    private static Money requireAmount(Claim claim, ClaimAccrual accrual) {
        Money amount = accrual.amount();
        if (amount.signum() <= 0) {
            throw new IllegalStateException("Claim " + claim.reference() + " has no open accrual to settle.");
        }
        return amount;
    }

    private static String lineText(Claim claim) {
        String text = "Claim " + claim.reference() + " (" + claim.typeName() + "): " + claim.description();
        return text.length() <= MAX_LINE_TEXT ? text : text.substring(0, MAX_LINE_TEXT - 1) + "…";
    }
}
