package org.partnerfinance.claimtype.rebate.internal;

import java.sql.SQLException;
import java.time.Instant;

import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.ledger.api.Money;

/**
 * One agreement recalculated from its sales lines: the volume summed in the database, the rebate computed, the
 * agreement's stored calculation replaced. What was earned before and after tells the caller what to post.
 */
record Recalculation(Money before, Money after, SalesStore.Totals totals, RebateCalculator.Result result) {

    static Recalculation apply(SalesStore store, AgreementEntity entity, Instant now) throws SQLException {
        AgreementDraft terms = entity.terms();
        SalesStore.Totals totals = store.totals(terms.partnerId(), terms.currency(), terms.validFrom(),
                terms.validTo(), terms.productCodes(), terms.categories());
        RebateCalculator.Result result = RebateCalculator.calculate(entity.calculationTerms(), totals.quantity(),
                totals.amount());
        Money before = entity.earned();
        entity.setCalculation(result.volume(), totals.amount(), result.earned(), now);
        return new Recalculation(before, result.earned(), totals, result);
    }
}
