package org.partnerfinance.documents.api;

import java.time.LocalDate;

import org.partnerfinance.ledger.api.Money;

/**
 * A settlement of (part of) a document by a payment or a credit note.
 *
 * @param documentId     the settled document
 * @param documentNumber its number
 * @param amount         the amount applied
 * @param date           from when it counts (the later of the two items' dates)
 * @param effective      whether it reduces what is open now: credit notes always, payments once bank-confirmed
 */
public record Allocation(long documentId, String documentNumber, Money amount, LocalDate date, boolean effective) {
}
