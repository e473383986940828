package org.partnerfinance.documents.api;

import java.math.BigDecimal;

/**
 * Applies part of a payment or credit note to an open document.
 *
 * @param documentId the document to settle
 * @param amount     positive amount in the payment's currency; not more than the document has open
 */
public record AllocationRequest(long documentId, BigDecimal amount) {
}
