package org.partnerfinance.documents.api;

import java.time.LocalDate;

/**
 * The bank's confirmation of a payment: from a bank statement import, or entered by finance by hand.
 *
 * @param bankReference the bank's reference of the booking (account servicer reference); required
 * @param bookingDate   the booking date on the statement; required, not in the future
 */
public record BankConfirmation(String bankReference, LocalDate bookingDate) {
}
