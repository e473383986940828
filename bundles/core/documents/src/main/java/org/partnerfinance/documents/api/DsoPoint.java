package org.partnerfinance.documents.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Days sales outstanding at a date: open receivables divided by the receivable invoices issued over the preceding
 * period, times the period's days (the count-back-free "standard" method). {@code null} days when nothing was invoiced.
 *
 * @param partnerId  the partner, or {@code null} for all partners
 * @param currency   ISO 4217 code
 * @param asOf       the date
 * @param periodDays the length of the sales period looked back on
 * @param receivables open receivables on the date
 * @param sales       invoiced in the period
 * @param days        the DSO, one decimal
 */
public record DsoPoint(String partnerId, String currency, LocalDate asOf, int periodDays, BigDecimal receivables,
        BigDecimal sales, BigDecimal days) {
}
