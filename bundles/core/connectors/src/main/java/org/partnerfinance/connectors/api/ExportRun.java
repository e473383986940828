package org.partnerfinance.connectors.api;

import java.time.Instant;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * One export as recorded by the core (1.2): the payment order written, who wrote it, and the file, which is kept for
 * download ({@link ExportService#file}).
 *
 * @param id          the run's id
 * @param connector   the connector's id
 * @param messageId   the payment order's id as written in the file (e.g. pain.001 GrpHdr/MsgId)
 * @param fileName    the file's name
 * @param contentType the file's media type
 * @param sha256      the file's SHA-256 (hex)
 * @param bytes       the file's size
 * @param createdBy   who exported (a user, or {@code shell:<name>} from the console)
 * @param createdAt   when
 * @param paymentIds  the payments it carries, now SENT
 * @param totals      the sum per currency
 */
public record ExportRun(long id, String connector, String messageId, String fileName, String contentType,
        String sha256, long bytes, String createdBy, Instant createdAt, List<Long> paymentIds, List<Money> totals) {

    public ExportRun {
        paymentIds = List.copyOf(paymentIds);
        totals = List.copyOf(totals);
    }

    /** The number of payments. */
    public int count() {
        return paymentIds.size();
    }

    /** A file an export wrote. */
    public record ExportFile(String fileName, String contentType, byte[] content) {
    }
}
