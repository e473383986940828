package org.partnerfinance.claims.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.partnerfinance.ledger.api.Money;

/**
 * What a partner enters for a new claim.
 *
 * @param typeId      the claim type
 * @param partnerId   the partner the claim is for (must be the caller's own)
 * @param date        date of the expense / activity / sales period end
 * @param description free text
 * @param amount      claimed amount
 * @param fields      type-specific values by field name
 * @param attachments files, e.g. receipts (several per claim)
 * @param lineItems   rows of the type's {@link FieldKind#LINE_ITEMS} fields, in the order entered
 */
public record ClaimDraft(String typeId, String partnerId, LocalDate date, String description, Money amount,
        Map<String, String> fields, List<AttachmentUpload> attachments, List<LineItem> lineItems) {
    public ClaimDraft {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
    }

    /** A draft without line items. */
    public ClaimDraft(String typeId, String partnerId, LocalDate date, String description, Money amount,
            Map<String, String> fields, List<AttachmentUpload> attachments) {
        this(typeId, partnerId, date, description, amount, fields, attachments, List.of());
    }

    /** The rows of one {@link FieldKind#LINE_ITEMS} field, in order. */
    public List<LineItem> lines(String field) {
        return lineItems.stream().filter(l -> l.field().equals(field)).toList();
    }
}
