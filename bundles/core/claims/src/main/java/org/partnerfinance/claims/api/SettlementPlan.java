package org.partnerfinance.claims.api;

import java.time.LocalDate;

/**
 * How and when a claim is settled, and the documents that settle it (ids of the documents core).
 *
 * @param method         credit note or payment
 * @param date           the planned date: value date of the payment, issue date of the credit note
 * @param documentId     the settlement document (payable invoice or receivable credit note), {@code null} while none
 *                       exists yet (a credit note is issued on its date)
 * @param documentNumber that document's number, {@code null} with it
 * @param paymentId      for PAYMENT: the outgoing payment, {@code null} otherwise
 */
public record SettlementPlan(SettlementMethod method, LocalDate date, Long documentId, String documentNumber,
        Long paymentId) {

    /** A plan without documents yet. */
    public static SettlementPlan of(SettlementMethod method, LocalDate date) {
        return new SettlementPlan(method, date, null, null, null);
    }
}
