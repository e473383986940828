package org.partnerfinance.documents.api;

/** Input that cannot be accepted, with the field at fault (as the REST API and forms name it, e.g. {@code dueDate}). */
public class DocumentValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DocumentValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
