package org.partnerfinance.claims.api;

/**
 * Kinds of type-specific claim fields. Values travel and are stored as text: {@link #DATE} as an ISO date,
 * {@link #NUMBER} and {@link #MONEY} as plain decimals ({@code MONEY} in the claim's currency), {@link #CHOICE} as
 * the chosen key. {@link #ATTACHMENTS} and {@link #LINE_ITEMS} hold no text of their own: their files are the draft's
 * {@link ClaimDraft#attachments() attachments} and their rows the draft's {@link ClaimDraft#lineItems() line items}.
 */
public enum FieldKind {
    /** One line of text (at most 200 characters). */
    TEXT,
    /** Several lines of text (at most 4000 characters). */
    LONG_TEXT,
    /** A decimal number, e.g. kilometres or days. */
    NUMBER,
    /** An amount in the claim's currency. */
    MONEY,
    DATE,
    /** One of the field's {@link FieldDef#choices() choices}, stored by key. */
    CHOICE,
    /** Files such as receipts, accepted by the field's {@link FieldDef#attachmentPolicy() policy}. */
    ATTACHMENTS,
    /** A repeating group of the field's {@link FieldDef#items() sub-fields}, e.g. mileage lines. */
    LINE_ITEMS
}
