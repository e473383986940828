package org.partnerfinance.documents.api;

import java.time.Instant;

import org.partnerfinance.ledger.api.Money;

/**
 * A dispute and how it ended.
 *
 * @param id              portal id
 * @param partnerId       the partner
 * @param documentId      the disputed invoice
 * @param documentNumber  its number
 * @param subject         invoice, line or deduction
 * @param lineNo          the disputed line, or {@code null}
 * @param amount          the disputed amount
 * @param reason          the partner's reason
 * @param attachmentName  file name of the supporting file, or {@code null}
 * @param status          open, accepted or rejected
 * @param resolution      finance's comment (required when rejecting)
 * @param creditNoteId    for ACCEPTED: the credit note issued
 * @param openedBy        the partner user who opened it
 * @param openedAt        when
 * @param resolvedBy      the finance user who decided, or {@code null}
 * @param resolvedAt      when, or {@code null}
 * @param version         optimistic-lock version
 */
public record Dispute(long id, String partnerId, long documentId, String documentNumber, DisputeSubject subject,
        Integer lineNo, Money amount, String reason, String attachmentName, DisputeStatus status, String resolution,
        Long creditNoteId, String openedBy, Instant openedAt, String resolvedBy, Instant resolvedAt, long version) {
}
