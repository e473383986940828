package org.partnerfinance.documents.api;

/**
 * Posted on OSGi Event Admin after a change to documents, payments or disputes has committed (never for a rolled-back
 * change), so that open screens and other bundles can refresh without depending on this bundle's implementation.
 */
public final class DocumentEvents {

    /** Topic of every change. */
    public static final String TOPIC = "org/partnerfinance/documents/CHANGED";
    /** Event property: the partner whose data changed. */
    public static final String PARTNER = "partner";
    /** Event property: {@code document}, {@code payment} or {@code dispute}. */
    public static final String ENTITY = "entity";
    /** Event property: the id of the changed item (Long). */
    public static final String ID = "id";
    /** Event property: what happened, the audit action, e.g. {@code payment.confirmed}. */
    public static final String ACTION = "action";

    private DocumentEvents() {
    }
}
