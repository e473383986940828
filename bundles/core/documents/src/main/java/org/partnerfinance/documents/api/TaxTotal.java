package org.partnerfinance.documents.api;

import java.math.BigDecimal;

import org.partnerfinance.ledger.api.Money;

/** The tax of one category and rate over a document: taxable base and tax amount. */
public record TaxTotal(String category, BigDecimal rate, Money taxable, Money tax) {
}
