package org.partnerfinance.documents.api;

import java.math.BigDecimal;

/**
 * A document line as submitted. The net amount is quantity times unit price, rounded half-even to the currency's minor
 * unit; tax is computed per tax category and rate over the document (EN 16931 style), not per line.
 *
 * @param description what was sold or charged
 * @param quantity    quantity, may have decimals, not zero
 * @param unitPrice   net price per unit (negative for a discount line)
 * @param taxCategory UNCL 5305 tax category code: S (standard), Z (zero rated), E (exempt), AE (reverse charge),
 *                    K (intra-community), G (export), O (outside scope)
 * @param taxRate     percentage, e.g. {@code 19} for 19 %; zero for categories other than S
 * @param account     the ledger account the line's net amount posts to instead of the direction's default (sales for
 *                    receivables, purchases for payables), or {@code null}; only finance staff and the platform may
 *                    name one (e.g. a settled claim posts against its claim type's expense account)
 */
public record LineDraft(String description, BigDecimal quantity, BigDecimal unitPrice, String taxCategory,
        BigDecimal taxRate, String account) {

    /** A line posted to the direction's default account. */
    public LineDraft(String description, BigDecimal quantity, BigDecimal unitPrice, String taxCategory,
            BigDecimal taxRate) {
        this(description, quantity, unitPrice, taxCategory, taxRate, null);
    }
}
