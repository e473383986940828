package org.partnerfinance.partner.api;

/** Partner master data that cannot be saved, with the field at fault (as named in {@link PartnerDetails}, or {@code id}). */
public class PartnerValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public PartnerValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, e.g. {@code peppolId}. */
    public String field() {
        return field;
    }
}
