package org.partnerfinance.documents.api;

import java.math.BigDecimal;

/**
 * A partner's dispute of a receivable invoice.
 *
 * @param documentId the disputed invoice
 * @param subject    the invoice, a line or a deduction
 * @param lineNo     for LINE: the line number; otherwise {@code null}
 * @param amount     the disputed amount in the invoice's currency: positive, not more than the invoice's open amount
 *                   (for LINE: not more than the line's gross)
 * @param reason     what is wrong, in the partner's words (required)
 * @param attachment optional supporting file
 */
public record DisputeDraft(long documentId, DisputeSubject subject, Integer lineNo, BigDecimal amount, String reason,
        DisputeAttachment attachment) {
}
