package org.partnerfinance.documents.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as recorded by finance, an integration or a connector.
 *
 * @param partnerId      the partner
 * @param direction      RECEIVABLE: the partner pays the company; PAYABLE: the company pays the partner
 * @param amount         positive amount
 * @param currency       ISO 4217 code
 * @param method         how
 * @param valueDate      value date (for SCHEDULED: the planned date)
 * @param status         SCHEDULED or REPORTED; CONFIRMED only with a bank reference ({@link #bankReference})
 * @param remittance     remittance information as the payer wrote it (document numbers, free text)
 * @param endToEndId     the payer's end-to-end reference, may be blank; unique per partner and direction when given
 * @param sourceSystem   who reports it, e.g. {@code SAP}
 * @param bankReference  for a payment recorded straight from the bank: its reference (status must then be CONFIRMED)
 * @param allocations    what it settles; empty = the documents its remittance names, then the oldest due first; what
 *                       remains is left on account (unapplied)
 */
public record PaymentDraft(String partnerId, Direction direction, BigDecimal amount, String currency,
        PaymentMethod method, LocalDate valueDate, PaymentStatus status, String remittance, String endToEndId,
        String sourceSystem, String bankReference, List<AllocationRequest> allocations) {

    public PaymentDraft {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
