package org.partnerfinance.documents.api;

import java.math.BigDecimal;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored document line.
 *
 * @param lineNo      1-based position
 * @param description what was sold or charged
 * @param quantity    quantity
 * @param unitPrice   net price per unit
 * @param taxCategory UNCL 5305 code
 * @param taxRate     percentage
 * @param net         quantity times unit price, rounded to the currency
 * @param account     the ledger account the net amount was posted to when the line named one, else {@code null}
 *                    (the direction's default account)
 */
public record DocumentLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice,
        String taxCategory, BigDecimal taxRate, Money net, String account) {

    /** A line posted to the direction's default account. */
    public DocumentLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice,
            String taxCategory, BigDecimal taxRate, Money net) {
        this(lineNo, description, quantity, unitPrice, taxCategory, taxRate, net, null);
    }
}
