package org.partnerfinance.documents.ui.internal.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;

/** Documents as the documents service hands them out, for the screens' tests. */
public final class Samples {

    private Samples() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** A receivable invoice of 119.00 due 2026-10-31, with {@code open} still open and the given settlement. */
    public static Document invoice(long id, String open, Settlement settlement) {
        DocumentStatus status = new BigDecimal(open).signum() == 0 ? DocumentStatus.SETTLED
                : new BigDecimal(open).compareTo(new BigDecimal("119.00")) == 0 ? DocumentStatus.OPEN
                        : DocumentStatus.PARTIALLY_SETTLED;
        return new Document(id, "P-1001", "Northwind", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-" + id,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                List.of(new DocumentLine(1, "Router", BigDecimal.ONE, new BigDecimal("100.00"), "S",
                        new BigDecimal("19"), eur("100.00"))),
                List.of(new TaxTotal("S", new BigDecimal("19"), eur("100.00"), eur("19.00"))), eur("100.00"),
                eur("19.00"), eur("119.00"), eur(open), status, settlement, false, null, "SAP", "", Instant.EPOCH, 0);
    }
}
