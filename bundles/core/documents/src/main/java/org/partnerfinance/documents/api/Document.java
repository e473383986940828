package org.partnerfinance.documents.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored invoice or credit note with what is still open of it.
 *
 * @param id              portal id
 * @param partnerId       the partner
 * @param partnerName     the partner's name when it was read
 * @param direction       receivable or payable
 * @param kind            invoice or credit note
 * @param number          the issuer's number as submitted (trimmed)
 * @param issueDate       issue date
 * @param dueDate         due date
 * @param lines           the lines
 * @param taxes           tax per category and rate
 * @param net             sum of the line net amounts
 * @param tax             sum of the taxes
 * @param gross           net plus tax: what the document is worth
 * @param open            what is still open (bank-confirmed payments and applied credit notes deducted); for a credit
 *                        note, what is not yet applied
 * @param status          open, partially settled or settled
 * @param settlement      what the partner is told about its payment ("Paid", "Payment scheduled for …", …)
 * @param disputed        whether a dispute about it is open
 * @param creditedId      for a credit note: the invoice it credits, or {@code null}
 * @param sourceSystem    origin, e.g. {@code SAP}
 * @param sourceReference id in the origin, may be blank
 * @param createdAt       when it was recorded in the portal
 * @param version         optimistic-lock version
 */
public record Document(long id, String partnerId, String partnerName, Direction direction, DocumentKind kind,
        String number, LocalDate issueDate, LocalDate dueDate, List<DocumentLine> lines, List<TaxTotal> taxes,
        Money net, Money tax, Money gross, Money open, DocumentStatus status, Settlement settlement, boolean disputed,
        Long creditedId, String sourceSystem, String sourceReference, Instant createdAt, long version) {

    public Document {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** Days past due on a date (0 when not yet due or nothing is open). */
    public long daysOverdue(LocalDate asOf) {
        if (open.signum() == 0 || !asOf.isAfter(dueDate)) {
            return 0;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, asOf);
    }
}
