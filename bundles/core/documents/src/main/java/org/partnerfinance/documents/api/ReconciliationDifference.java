package org.partnerfinance.documents.api;

import java.math.BigDecimal;

/**
 * A partner and currency whose open items (the sub-ledger) do not match the partner's balance on the control account in
 * the ledger.
 *
 * @param partnerId      the partner
 * @param currency       ISO 4217 code
 * @param controlAccount ledger account, e.g. {@code 1200} (receivables) or {@code 2100} (payables)
 * @param subLedger      open items of that direction, signed as the account's balance (debit positive)
 * @param ledger         the partner's balance on the control account (debit positive)
 * @param difference     sub-ledger minus ledger
 */
public record ReconciliationDifference(String partnerId, String currency, String controlAccount,
        BigDecimal subLedger, BigDecimal ledger, BigDecimal difference) {
}
