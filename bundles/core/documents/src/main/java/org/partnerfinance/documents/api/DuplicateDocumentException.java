package org.partnerfinance.documents.api;

/**
 * A document (or payment) that already exists: same partner, direction and number (trimmed, case-insensitive), or for
 * payments the same end-to-end reference. Names the existing one.
 */
public class DuplicateDocumentException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long existingId;
    private final String existingNumber;

    public DuplicateDocumentException(long existingId, String existingNumber, String message) {
        super(message);
        this.existingId = existingId;
        this.existingNumber = existingNumber;
    }

    /** Portal id of the existing document or payment. */
    public long existingId() {
        return existingId;
    }

    /** Its number or reference as stored. */
    public String existingNumber() {
        return existingNumber;
    }
}
