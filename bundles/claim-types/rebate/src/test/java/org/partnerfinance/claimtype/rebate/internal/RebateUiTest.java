package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.RebateValidationException;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;

public class RebateUiTest {

    private static final List<Tier> TIERS = List.of(Tier.of("0", "1"), Tier.of("10000", "2"), Tier.of("50000", "4"));

    private static Agreement agreement(VolumeBasis basis, String volume, String amount) {
        AgreementDraft terms = new AgreementDraft("P-1", "Networking", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Set.of(), Set.of(), basis, TierMode.RETROACTIVE, TIERS,
                Currency.getInstance("EUR"), null);
        return new Agreement(7, terms, new BigDecimal(volume), new BigDecimal(amount), Money.of("0", "EUR"),
                Instant.EPOCH, 0);
    }

    @Test
    public void watchlistSaysWhatIsMissingToTheNextTier() {
        assertEquals("EUR 12,300.00 more purchases reach tier 3 (4%).", RebateUi.watchlist(RebateServiceImpl
                .standing(agreement(VolumeBasis.AMOUNT, "37700", "37700"), Money.of("0", "EUR"))));
        assertEquals("120 more units reach tier 3 (4%).", RebateUi.watchlist(RebateServiceImpl
                .standing(agreement(VolumeBasis.QUANTITY, "49880", "1000"), Money.of("0", "EUR"))));
        assertEquals("Top tier reached: tier 3 (4%).", RebateUi.watchlist(RebateServiceImpl
                .standing(agreement(VolumeBasis.AMOUNT, "60000", "60000"), Money.of("0", "EUR"))));
    }

    @Test
    public void tiersAreTypedAsThresholdAndRatePerLine() {
        assertEquals(TIERS, RebateUi.parseTiers("0 1\n10000 2%\n\n50000;4"));
        assertEquals("0 1\n10000 2\n50000 4", RebateUi.formatTiers(TIERS));
        RebateValidationException e = assertThrows(RebateValidationException.class,
                () -> RebateUi.parseTiers("10000"));
        assertEquals("tiers", e.field());
    }

    @Test
    public void onlyTheServicesOwnSentencesAreShown() {
        assertEquals("Bad tier.", RebateUi.messageOf(new IllegalArgumentException("Bad tier.")));
        assertEquals(RebateUi.UNEXPECTED, RebateUi.messageOf(new NullPointerException("x.y() is null")));
    }
}
