package org.partnerfinance.connectors.api;

import java.util.Objects;

import org.partnerfinance.documents.api.Document;
import org.partnerfinance.partner.api.Partner;

/**
 * What a {@link DocumentExportConnector} writes (1.3): one receivable invoice or credit note of the company to a
 * partner, as stored in the portal, with the partner's master data.
 *
 * @param document        the invoice or credit note (direction RECEIVABLE), with its lines, tax breakdown and totals
 *                        as the documents core rounded them
 * @param buyer           the partner the document is addressed to, as its master data stands at the export
 * @param creditedNumber  for a credit note that credits a stored invoice: that invoice's number; else {@code null}
 */
public record ReceivableExport(Document document, Partner buyer, String creditedNumber) {

    public ReceivableExport {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(buyer, "buyer");
    }
}
