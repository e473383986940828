package org.partnerfinance.connector.camt;

import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * A candidate for a queued bank entry, ranked by the evidence.
 *
 * @param rank      1 for the best
 * @param kind      payment, document, or a split across documents
 * @param targetId  the payment's or document's id; for a split the first document's
 * @param partnerId the partner
 * @param label     how finance recognises it (partner, number, reference)
 * @param amount    the payment's amount, what is open of the document, or what the split's documents have open
 * @param score     0-100: 100 end-to-end id, 90 creditor reference, 80 document number, 75 amount and the
 *                  counterparty's account (IBAN) of a partner, 70/60 amount and name, 65/60/55 a split whose documents
 *                  the remittance names / of the partner the account names / of the partner the name or a document
 *                  number names, 50 an identifier with another amount, 30 amount alone
 * @param reason    the evidence, in words
 * @param parts     for a {@link SuggestionKind#SPLIT split}: each document with its open amount when the entry was
 *                  queued (those the remittance names first, then the oldest due); empty otherwise (1.1)
 */
public record Suggestion(int rank, SuggestionKind kind, long targetId, String partnerId, String label, Money amount,
        int score, String reason, List<SplitPart> parts) {

    public Suggestion {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A payment or document suggestion (the 1.0 form of this record). */
    public Suggestion(int rank, SuggestionKind kind, long targetId, String partnerId, String label, Money amount,
            int score, String reason) {
        this(rank, kind, targetId, partnerId, label, amount, score, reason, List.of());
    }
}
