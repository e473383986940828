package org.partnerfinance.claimtype.rebate.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored rebate agreement with what it has earned so far.
 *
 * @param id           portal id
 * @param terms        the agreement's terms as last saved
 * @param volume       volume counted at the last calculation (quantity or amount, by {@link VolumeBasis})
 * @param amount       purchase amount counted at the last calculation
 * @param earned       earned rebate at the last calculation; exactly this amount is accrued in the ledger
 * @param calculatedAt when it was last calculated
 * @param version      optimistic-lock version, passed back to {@code update}
 */
public record Agreement(long id, AgreementDraft terms, BigDecimal volume, BigDecimal amount, Money earned,
        Instant calculatedAt, long version) {

    /** Reference shown to people and stored in claims, e.g. {@code RBA-000012}. */
    public String reference() {
        return reference(id);
    }

    public static String reference(long id) {
        return String.format("RBA-%06d", id);
    }
}
