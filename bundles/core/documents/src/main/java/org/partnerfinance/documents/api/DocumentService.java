package org.partnerfinance.documents.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Invoices, credit notes and payments in both directions, and what settles what. Every method authorizes the caller:
 * partner users read only their own partner's items (another partner's id reads exactly like a missing one); finance
 * staff, administrators and integrators record documents and payments; finance confirms payments. Each change, its
 * ledger posting and its audit record commit in one unit of work; {@link DocumentEvents} follow the commit.
 */
@ProviderType
public interface DocumentService {

    /**
     * Records an invoice or credit note and posts it to the ledger. A credit note naming the invoice it credits is
     * applied to that invoice's open amount.
     *
     * @throws DocumentValidationException naming the field for invalid input (unknown partner, currency the partner
     *                                     does not allow, no lines, stated total that differs, ...)
     * @throws DuplicateDocumentException  when the partner already has a document of that direction and number
     */
    Document create(Caller caller, DocumentDraft draft);

    /** One document, if it exists and the caller may read it. */
    Optional<Document> find(Caller caller, long documentId);

    /** Documents matching the query, one page, with the total count. */
    Page<Document> search(Caller caller, DocumentQuery query);

    /**
     * Documents matching the query's filters with an id above {@code afterId}, in id order, at most the query's limit
     * (its sort, ascending and offset are not used, and no total is counted): for reading a long list to its end,
     * passing the last id of each page to get the next. Every page costs about the same however far into the list it
     * is, where an offset makes the database step over all earlier rows again.
     *
     * @since 1.2
     */
    List<Document> searchAfter(Caller caller, DocumentQuery query, long afterId);

    /**
     * Records a payment. A SCHEDULED or REPORTED payment is shown to the partner but settles nothing until confirmed; a
     * payment recorded with a bank reference is CONFIRMED at once and posted.
     *
     * @throws DocumentValidationException naming the field for invalid input (allocations over the open amount, to
     *                                     another partner's or another currency's document, ...)
     * @throws DuplicateDocumentException  when the end-to-end reference was already recorded for the partner
     */
    Payment recordPayment(Caller caller, PaymentDraft draft);

    /**
     * Confirms a payment with the bank's reference and booking date (finance by hand, or a bank statement import):
     * posts it to the bank account and makes its allocations count. Confirming twice with the same bank reference
     * changes nothing; with another reference it is refused.
     */
    Payment confirmPayment(Caller caller, long paymentId, long expectedVersion, BankConfirmation confirmation);

    /**
     * Marks outgoing payments as handed to the bank in one payment order (1.1): each must be a SCHEDULED payment to a
     * partner (direction PAYABLE); it becomes {@link PaymentStatus#SENT} with the order's id and date, is shown to the
     * partner as "Sent to bank on ..." and still settles nothing until {@link #confirmPayment confirmed}. All or none:
     * one payment that does not qualify refuses the whole call, naming it, and changes nothing. A payment without an
     * end-to-end reference gets {@code PF-PAY-<id>}, the reference the order carries and the bank statement reports
     * back, so that the confirmation finds it. Joins the caller's unit
     * of work, so the payment order's own record commits with it. Finance managers and integrators only.
     *
     * @param paymentIds   the payments, each once
     * @param paymentOrder the payment order's (message) id, at most 35 characters
     * @param sentOn       the day the order is handed to the bank
     * @return the payments as now stored, in the order given
     * @throws DocumentValidationException naming the field ({@code paymentIds}: which payment and why)
     */
    List<Payment> markSent(Caller caller, List<Long> paymentIds, String paymentOrder, java.time.LocalDate sentOn);

    /** Applies what is unapplied of a payment to open documents of the same partner, direction and currency. */
    Payment allocate(Caller caller, long paymentId, long expectedVersion, List<AllocationRequest> allocations);

    /** Applies what is unapplied of a credit note to an open invoice of the same partner, direction and currency. */
    Document applyCreditNote(Caller caller, long creditNoteId, long expectedVersion, AllocationRequest allocation);

    /** One payment, if it exists and the caller may read it. */
    Optional<Payment> findPayment(Caller caller, long paymentId);

    /** Payments matching the query. */
    Page<Payment> payments(Caller caller, PaymentQuery query);

    /**
     * Payments matching the query's filters with an id above {@code afterId}, in id order, at most the query's limit
     * (its offset is not used, no total is counted); see {@link #searchAfter}.
     *
     * @since 1.2
     */
    List<Payment> paymentsAfter(Caller caller, PaymentQuery query, long afterId);

    /** Payments that settled (part of) a document, oldest first, with the same authorization as {@link #find}. */
    List<Payment> paymentsFor(Caller caller, long documentId);

    /**
     * A document's history from the audit trail, oldest first; empty when the document does not exist or the caller
     * may not read it.
     */
    List<HistoryEntry> history(Caller caller, long documentId);

    /** A payment's history, with the same authorization as {@link #findPayment}. */
    List<HistoryEntry> paymentHistory(Caller caller, long paymentId);

    /**
     * The proof of one record of a document's {@link #history history} ({@link HistoryEntry#sequence()}): a
     * self-contained JSON document that an independent program checks against the audit trail's published key
     * (docs/audit-trail.md, "How to check a proof"). Same authorization as {@link #history}: empty when the document
     * does not exist, the caller may not read it, or the record is not one of the document's own.
     */
    Optional<String> proof(Caller caller, long documentId, long sequence);
}
