package org.partnerfinance.connectors.api;

import java.time.Instant;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * One export as recorded by the core (1.2): the payment order written, who wrote it, and the file, which is kept for
 * download ({@link ExportService#file}). Since 1.3 also an export of receivable documents
 * ({@link ExportService#exportDocuments}): then {@link #documentIds()} names them and {@link #paymentIds()} is empty.
 *
 * @param id          the run's id
 * @param connector   the connector's id
 * @param messageId   the payment order's id as written in the file (e.g. pain.001 GrpHdr/MsgId); for a document
 *                    export the run's own reference, e.g. {@code PF-DOC-20261203-7}
 * @param fileName    the file's name
 * @param contentType the file's media type
 * @param sha256      the file's SHA-256 (hex)
 * @param bytes       the file's size
 * @param createdBy   who exported (a user, or {@code shell:<name>} from the console)
 * @param createdAt   when
 * @param paymentIds  the payments it carries, now SENT
 * @param totals      the sum per currency (for documents: invoices less credit notes, gross)
 * @param documentIds the receivable documents it carries, in the order written (1.3); empty for a payment order
 */
public record ExportRun(long id, String connector, String messageId, String fileName, String contentType,
        String sha256, long bytes, String createdBy, Instant createdAt, List<Long> paymentIds, List<Money> totals,
        List<Long> documentIds) {

    public ExportRun {
        paymentIds = List.copyOf(paymentIds);
        totals = List.copyOf(totals);
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }

    /** A payment order's run (the 1.2 form of this record). */
    public ExportRun(long id, String connector, String messageId, String fileName, String contentType,
            String sha256, long bytes, String createdBy, Instant createdAt, List<Long> paymentIds,
            List<Money> totals) {
        this(id, connector, messageId, fileName, contentType, sha256, bytes, createdBy, createdAt, paymentIds, totals,
                List.of());
    }

    /** The number of payments. */
    public int count() {
        return paymentIds.size();
    }

    /** Whether this run exported documents (1.3) rather than a payment order. */
    public boolean documentExport() {
        return !documentIds.isEmpty();
    }

    /** A file an export wrote. */
    public record ExportFile(String fileName, String contentType, byte[] content) {
    }
}
