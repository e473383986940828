/**
 * Finance's screens over the documents: receivables aging across partners, overdue items and dunning, DSO, payables
 * due, the dispute queue, payments to confirm by hand and the reconciliation of the sub-ledger with the ledger. The
 * documents services authorize every call again; these views only hide what a role cannot do.
 */
package org.partnerfinance.documents.ui.internal.finance;
