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
 * @param attachments files, e.g. receipts
 */
public record ClaimDraft(String typeId, String partnerId, LocalDate date, String description, Money amount,
        Map<String, String> fields, List<AttachmentUpload> attachments) {
    public ClaimDraft {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
