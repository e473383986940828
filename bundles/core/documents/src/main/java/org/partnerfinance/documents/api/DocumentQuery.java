package org.partnerfinance.documents.api;

import java.time.LocalDate;

/**
 * What to list. Every filter is optional ({@code null}); partner users always see only their own partner, whatever
 * {@code partnerId} says.
 *
 * @param partnerId one partner, or all the caller may see
 * @param direction receivable or payable
 * @param kind      invoices or credit notes
 * @param status    open, partially settled or settled
 * @param from      issue date on or after
 * @param to        issue date on or before
 * @param text      words that must all occur in the number, the source reference or a line description
 *                  (case-insensitive)
 * @param overdueOn only documents with something open and due before this date
 * @param sort      order
 * @param ascending ascending or descending
 * @param offset    first item (0-based)
 * @param limit     page size, 1 to {@value #MAX_LIMIT}
 */
public record DocumentQuery(String partnerId, Direction direction, DocumentKind kind, DocumentStatus status,
        LocalDate from, LocalDate to, String text, LocalDate overdueOn, Sort sort, boolean ascending, int offset,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public enum Sort { ISSUE_DATE, DUE_DATE, NUMBER, GROSS, OPEN, PARTNER }

    public DocumentQuery {
        sort = sort == null ? Sort.ISSUE_DATE : sort;
        if (offset < 0) {
            throw new DocumentValidationException("page", "Pages start at 0.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DocumentValidationException("size", "A page has 1 to " + MAX_LIMIT + " items.");
        }
    }

    /** Everything the caller may see, newest first, one page of the given size. */
    public static DocumentQuery all(int limit) {
        return new DocumentQuery(null, null, null, null, null, null, null, null, Sort.ISSUE_DATE, false, 0, limit);
    }
}
