package org.partnerfinance.documents.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One movement on a statement of account. Debit increases what the partner owes the company, credit decreases it.
 *
 * @param date    issue date of a document, booking date of a bank-confirmed payment
 * @param kind    {@code invoice}, {@code credit-note}, {@code payment-received} or {@code payment-sent}, with the
 *                direction ({@code receivable}/{@code payable}) in {@link #direction}
 * @param direction receivable or payable
 * @param number  document number or payment reference
 * @param debit   amount that increases the balance, or zero
 * @param credit  amount that decreases the balance, or zero
 * @param balance running balance after this line
 * @param documentId the document ({@code null} for a payment)
 * @param paymentId  the payment ({@code null} for a document)
 */
public record StatementLine(LocalDate date, String kind, Direction direction, String number, BigDecimal debit,
        BigDecimal credit, BigDecimal balance, Long documentId, Long paymentId) {
}
