package org.partnerfinance.connector.peppol.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the connector reads from one UBL 2.1 Invoice or CreditNote, independent of the JAXB classes: the parts of
 * Peppol BIS Billing 3.0 the portal's document model keeps or checks.
 */
record UblDocument(boolean creditNote, String number, LocalDate issueDate, LocalDate dueDate, String currency,
        Party supplier, Party customer, List<Line> lines, List<AllowanceCharge> allowanceCharges,
        List<TaxSubtotal> taxSubtotals, BigDecimal taxTotal, Totals totals, String billingReference,
        String paymentId, String payeeAccount) {

    /** A party's identifiers as the portal looks partners up: {@code scheme:value} ids and VAT ids. */
    record Party(String name, List<String> identifiers) {
    }

    /** An invoice or credit note line (BG-25). */
    record Line(String id, String name, String description, BigDecimal quantity, String unitCode,
            BigDecimal priceAmount, BigDecimal baseQuantity, BigDecimal net, String taxCategory, BigDecimal taxRate,
            BigDecimal lineAllowances, BigDecimal lineCharges) {
    }

    /** A document level allowance (BG-20) or charge (BG-21). */
    record AllowanceCharge(boolean charge, String reason, BigDecimal amount, String taxCategory, BigDecimal taxRate) {
    }

    /** One VAT breakdown (BG-23). */
    record TaxSubtotal(String taxCategory, BigDecimal taxRate, BigDecimal taxable, BigDecimal tax) {
    }

    /** The document totals (BG-22). Optional amounts are zero when absent. */
    record Totals(BigDecimal lineExtension, BigDecimal taxExclusive, BigDecimal taxInclusive,
            BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal prepaid, BigDecimal rounding,
            BigDecimal payable) {
    }
}
