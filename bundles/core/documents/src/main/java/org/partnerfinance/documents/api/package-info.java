/**
 * Open-item accounting with the partners, in both directions: the company's invoices and credit notes to a partner
 * (receivables: the partner owes), the partner's invoices and credit notes to the company (payables: the company owes),
 * payments both ways and what they settle, statements of account with aging, collections (overdue items, dunning, DSO),
 * disputes and the reconciliation of this sub-ledger with the ledger's control accounts.
 *
 * <p>"Paid" is two facts: what a source system reported and what the bank confirmed. Only bank-confirmed payments (and
 * credit notes) reduce what is open; a reported payment is shown as such until a bank confirmation arrives.
 *
 * <p>1.1: a payment finance hands to the bank in a payment order (a pain.001 file) is {@link PaymentStatus#SENT} until
 * the bank statement confirms it ({@link DocumentService#markSent}); {@link Payment#statusText()}.
 *
 * <p>1.2: other bundles offer formats besides the PDF to download a document in ({@link DocumentFormats});
 * {@link DocumentService#searchAfter} and {@link DocumentService#paymentsAfter} read long lists in id order.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.partnerfinance.documents.api;
