package org.partnerfinance.connectors.api;

/**
 * What came of one document of a run.
 *
 * @param document the document as people find it in the file (number, or {@code line n})
 * @param result   created, duplicate or rejected
 * @param id       the id of the created (or, for a duplicate, the existing) document or payment; {@code null} when
 *                 rejected
 * @param reason   why it was rejected or which existing document it duplicates; {@code null} when created
 */
public record ItemOutcome(String document, Result result, Long id, String reason) {

    /** The outcomes of a document. */
    public enum Result {
        CREATED, DUPLICATE, REJECTED
    }
}
