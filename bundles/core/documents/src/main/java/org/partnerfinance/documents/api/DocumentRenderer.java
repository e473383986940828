package org.partnerfinance.documents.api;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.partner.api.Partner;

/**
 * Renders what a partner downloads: a document as PDF, a statement as PDF or CSV. Works on items the caller has already
 * been allowed to read; it reads nothing itself.
 */
@ProviderType
public interface DocumentRenderer {

    /** The document as a PDF (A4, lines, taxes, totals, due date, settlement state). */
    byte[] documentPdf(Document document, Partner partner);

    /** The statement as a PDF (movements with running balance, aging). */
    byte[] statementPdf(Statement statement, Partner partner);

    /** The statement as CSV (RFC 4180, UTF-8, one header row; movements, then the aging). */
    byte[] statementCsv(Statement statement);
}
