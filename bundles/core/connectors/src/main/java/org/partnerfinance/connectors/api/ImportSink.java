package org.partnerfinance.connectors.api;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/**
 * Where a connector hands what it read. Each call is one document, stored all-or-nothing (with its ledger postings
 * and audit record) before the call returns, and answered with what came of it. The core commits the documents of a
 * run in batches, each document in a savepoint of its own: a refused one is undone alone; should a batch's commit
 * fail, the run fails and reports it, and what earlier batches committed stays. The same
 * document handed again (same {@code externalId} and same content) is reported as a duplicate and changes nothing;
 * the same external id with other content is refused (a conflicting re-import is reported, not applied).
 */
@ProviderType
public interface ImportSink {

    /**
     * An invoice or credit note.
     *
     * @param externalId the document's identity in the source, stable across re-imports (e.g. the supplier's endpoint
     *                   id + the invoice number, or the ERP's document key)
     * @param draft      the document
     * @param original   the document as it was in the file (e.g. its XML), kept and downloadable; may be {@code null}
     */
    ItemOutcome document(String externalId, DocumentDraft draft, Original original);

    /** A payment (e.g. from an ERP's payment run). */
    ItemOutcome payment(String externalId, PaymentDraft draft);

    /**
     * An item the connector settles in the portal itself rather than handing over a document or payment (e.g. a bank
     * statement entry: confirm the payment it pays, or queue it for finance). Like a document it is done all-or-nothing
     * (with the work's own records and audit) and recorded under its external id with a hash of its
     * content: the same item again is a duplicate and the work does not run; the same id with other content is
     * refused.
     *
     * @param externalId the item's identity in the source, stable across re-imports
     * @param label      how people find it in the file (e.g. {@code entry 3 (ref 4711)})
     * @param content    what identifies its content (hashed), e.g. the entry's canonical fields
     * @param work       what to do, with the caller who runs the import
     * <p>The default refuses the item, for sinks written before 1.1 (e.g. connectors' test sinks); the core's sink
     * does the work.
     *
     * @since 1.1
     */
    default ItemOutcome item(String externalId, String label, String content, ItemWork work) {
        return reject(label == null || label.isBlank() ? externalId : label,
                "This import takes documents and payments only.");
    }

    /**
     * A document of the file the connector refuses (unreadable values, totals that do not add up, no matching
     * partner): it is listed in the run's report with the reason, nothing is written.
     *
     * @param externalId how people find it in the file, e.g. the invoice number or {@code line 17}
     */
    ItemOutcome reject(String externalId, String reason);

    /** The original form of a document as it was in the file, e.g. one UBL invoice's XML. */
    record Original(String fileName, String contentType, byte[] content) {
        public Original {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
