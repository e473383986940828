package org.partnerfinance.connector.camt;

import java.math.BigDecimal;

/**
 * One document's share of a bank entry split across documents (1.1).
 *
 * @param documentId the open invoice it settles
 * @param amount     positive, in the entry's currency, at most what the document has open
 */
public record SplitPart(long documentId, BigDecimal amount) {
}
