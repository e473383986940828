package org.partnerfinance.connector.camt;

import org.partnerfinance.ledger.api.Money;

/**
 * A candidate for a queued bank entry, ranked by the evidence.
 *
 * @param rank      1 for the best
 * @param kind      payment or document
 * @param targetId  the payment's or document's id
 * @param partnerId the partner
 * @param label     how finance recognises it (partner, number, reference)
 * @param amount    the payment's amount or what is open of the document
 * @param score     0-100: 100 end-to-end id, 90 creditor reference, 80 document number, 70/60 amount and name, 50 an
 *                  identifier with another amount, 30 amount alone
 * @param reason    the evidence, in words
 */
public record Suggestion(int rank, SuggestionKind kind, long targetId, String partnerId, String label, Money amount,
        int score, String reason) {
}
