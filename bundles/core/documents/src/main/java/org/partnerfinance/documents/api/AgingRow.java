package org.partnerfinance.documents.api;

/** One partner's receivables aging in one currency, for finance's overview across partners. */
public record AgingRow(String partnerId, String partnerName, String currency, Aging aging) {
}
