package org.partnerfinance.documents.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored payment.
 *
 * @param id              portal id
 * @param partnerId       the partner
 * @param direction       RECEIVABLE (from the partner) or PAYABLE (to the partner)
 * @param amount          amount
 * @param method          how
 * @param valueDate       value date (planned date while SCHEDULED)
 * @param status          scheduled, reported or confirmed
 * @param remittance      remittance information
 * @param endToEndId      end-to-end reference, may be blank
 * @param sourceSystem    who reported it
 * @param bankReference   the bank's reference once confirmed
 * @param bookingDate     the bank's booking date once confirmed
 * @param confirmedBy     who confirmed it (a user or a connector run)
 * @param allocations     what it settles
 * @param unapplied       what is left on account
 * @param createdAt       when it was recorded
 * @param version         optimistic-lock version
 */
public record Payment(long id, String partnerId, Direction direction, Money amount, PaymentMethod method,
        LocalDate valueDate, PaymentStatus status, String remittance, String endToEndId, String sourceSystem,
        String bankReference, LocalDate bookingDate, String confirmedBy, List<Allocation> allocations,
        Money unapplied, Instant createdAt, long version) {

    public Payment {
        allocations = List.copyOf(allocations);
    }
}
