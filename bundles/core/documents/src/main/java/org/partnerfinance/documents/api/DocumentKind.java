package org.partnerfinance.documents.api;

/** An invoice claims money; a credit note gives it back (fully or partly, usually against an invoice). */
public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE
}
