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
 * @param status          scheduled, sent to the bank, reported or confirmed
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
 * @param paymentOrder    while or since SENT: the id of the payment order (message) that carried it to the bank, else
 *                        {@code null} (1.1)
 * @param sentOn          while or since SENT: the day it was handed to the bank, else {@code null} (1.1)
 */
public record Payment(long id, String partnerId, Direction direction, Money amount, PaymentMethod method,
        LocalDate valueDate, PaymentStatus status, String remittance, String endToEndId, String sourceSystem,
        String bankReference, LocalDate bookingDate, String confirmedBy, List<Allocation> allocations,
        Money unapplied, Instant createdAt, long version, String paymentOrder, LocalDate sentOn) {

    public Payment {
        allocations = List.copyOf(allocations);
    }

    /** A payment that was never part of a payment order (the 1.0 form of this record). */
    public Payment(long id, String partnerId, Direction direction, Money amount, PaymentMethod method,
            LocalDate valueDate, PaymentStatus status, String remittance, String endToEndId, String sourceSystem,
            String bankReference, LocalDate bookingDate, String confirmedBy, List<Allocation> allocations,
            Money unapplied, Instant createdAt, long version) {
        this(id, partnerId, direction, amount, method, valueDate, status, remittance, endToEndId, sourceSystem,
                bankReference, bookingDate, confirmedBy, allocations, unapplied, createdAt, version, null, null);
    }

    /**
     * The sentence the partner reads about this payment, e.g. {@code Sent to bank on 2026-12-02} or
     * {@code Confirmed by the bank on 2026-12-04} (1.1).
     */
    public String statusText() {
        return switch (status) {
            case SCHEDULED -> "Scheduled for " + valueDate;
            case SENT -> "Sent to bank on " + sentOn;
            case REPORTED -> "Reported, not yet confirmed by the bank";
            case CONFIRMED -> bookingDate == null ? "Confirmed by the bank" : "Confirmed by the bank on " + bookingDate;
        };
    }
}
