package org.partnerfinance.claimtype.rebate.api;

/** Invalid input for an agreement; the message is a sentence for the person who entered it. Nothing was stored. */
public class RebateValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public RebateValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the problem is about ({@code tiers}, {@code validTo}, ...), or {@code null} for the whole input. */
    public String field() {
        return field;
    }
}
