package org.partnerfinance.documents.api;

import java.time.LocalDate;

/**
 * Which payments to list, newest value date first. Filters are optional; partner users see only their own partner's.
 *
 * @param partnerId one partner, or all the caller may see
 * @param direction RECEIVABLE (from partners) or PAYABLE (to partners)
 * @param status    scheduled, reported or confirmed
 * @param from      value date on or after
 * @param to        value date on or before
 * @param offset    first item (0-based)
 * @param limit     page size, 1 to {@link DocumentQuery#MAX_LIMIT}
 */
public record PaymentQuery(String partnerId, Direction direction, PaymentStatus status, LocalDate from, LocalDate to,
        int offset, int limit) {

    public PaymentQuery {
        if (offset < 0) {
            throw new DocumentValidationException("page", "Pages start at 0.");
        }
        if (limit < 1 || limit > DocumentQuery.MAX_LIMIT) {
            throw new DocumentValidationException("size", "A page has 1 to " + DocumentQuery.MAX_LIMIT + " items.");
        }
    }
}
