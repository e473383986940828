package org.partnerfinance.documents.api;

/** Which way a document or payment goes between the company and a partner. */
public enum Direction {
    /** The company's invoice or credit note to the partner; a payment from the partner to the company. */
    RECEIVABLE,
    /** The partner's invoice or credit note to the company (settled claims included); a payment to the partner. */
    PAYABLE;

    /** The contract spelling in files and the REST API: {@code receivable} or {@code payable}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Direction byId(String id) {
        for (Direction d : values()) {
            if (d.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return d;
            }
        }
        throw new DocumentValidationException("direction", "The direction is receivable or payable.");
    }
}
