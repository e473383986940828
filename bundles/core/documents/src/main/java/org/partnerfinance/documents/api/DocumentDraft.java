package org.partnerfinance.documents.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A document as submitted by finance, an integration or a connector. Totals are computed from the lines; when the
 * source states its own totals ({@code statedGross}), a difference is refused rather than silently corrected.
 *
 * @param partnerId          the partner
 * @param direction          receivable (company to partner) or payable (partner to company)
 * @param kind               invoice or credit note
 * @param number             the issuer's document number; unique per partner and direction, compared trimmed and
 *                           case-insensitively
 * @param issueDate          issue date
 * @param dueDate            due date; {@code null} = issue date plus the partner's payment terms (credit notes: the
 *                           issue date)
 * @param currency           ISO 4217 code; one of the partner's allowed currencies
 * @param lines              at least one line
 * @param statedGross        the gross total the source states, or {@code null}; refused when it differs from the lines
 * @param creditedNumber     for a credit note: the number of the invoice it credits (same partner and direction), or
 *                           {@code null}; the credit note is applied to that invoice's open amount
 * @param sourceSystem       where the document comes from, e.g. {@code SAP}, {@code peppol}, {@code portal}
 * @param sourceReference    the document's id in the source system, may be blank
 */
public record DocumentDraft(String partnerId, Direction direction, DocumentKind kind, String number,
        LocalDate issueDate, LocalDate dueDate, String currency, List<LineDraft> lines,
        java.math.BigDecimal statedGross, String creditedNumber, String sourceSystem, String sourceReference) {

    public DocumentDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
