package org.partnerfinance.documents.api;

import java.time.LocalDate;

/**
 * What a partner is told about the payment of a document. "Paid" needs a bank confirmation; before that the partner sees
 * when a payment is scheduled or that a source system reported it paid.
 *
 * @param state         the state
 * @param date          booking date (PAID), value date (SCHEDULED, REPORTED_PAID), the day the payment order went to
 *                      the bank (SENT_TO_BANK) or {@code null}
 * @param source        for REPORTED_PAID: the system that reported it, e.g. {@code SAP}
 * @param bankReference for PAID: the bank's reference
 */
public record Settlement(State state, LocalDate date, String source, String bankReference) {

    public enum State {
        /** Nothing paid, scheduled or reported. */
        UNPAID,
        /** A payment is planned for {@link #date()}. */
        SCHEDULED,
        /** A source system reported a payment the bank has not confirmed yet. */
        REPORTED_PAID,
        /** Part of it is bank-confirmed, the rest is open. */
        PARTIALLY_PAID,
        /** Fully settled by bank-confirmed payments and credit notes. */
        PAID,
        /**
         * A payment order with the payment went to the bank on {@link #date()}; the bank has not booked it yet (1.1;
         * last, so that the earlier constants keep their ordinals).
         */
        SENT_TO_BANK
    }

    public static final Settlement UNPAID = new Settlement(State.UNPAID, null, null, null);

    /** The sentence the partner reads, e.g. {@code Reported paid by SAP, not yet confirmed by the bank}. */
    public String label() {
        return switch (state) {
            case UNPAID -> "Unpaid";
            case SCHEDULED -> "Payment scheduled for " + date;
            case SENT_TO_BANK -> "Sent to bank on " + date;
            case REPORTED_PAID -> "Reported paid by " + source + ", not yet confirmed by the bank";
            case PARTIALLY_PAID -> "Partly paid";
            case PAID -> date == null ? "Paid" : "Paid on " + date;
        };
    }
}
