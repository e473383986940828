package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;

public class RebateCalculatorTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    /** 1 % from the first euro, 2 % from 10,000, 3 % from 50,000. */
    private static final List<Tier> AMOUNT_TIERS = List.of(Tier.of("0", "1"), Tier.of("10000", "2"),
            Tier.of("50000", "3"));

    private static RebateCalculator.Result byAmount(TierMode mode, String amount, String cap) {
        return RebateCalculator.calculate(new RebateCalculator.Terms(VolumeBasis.AMOUNT, mode, AMOUNT_TIERS, EUR,
                cap == null ? null : new BigDecimal(cap)), BigDecimal.ZERO, new BigDecimal(amount));
    }

    @Test
    public void retroactiveAppliesTheReachedRateToTheWholeVolume() {
        RebateCalculator.Result r = byAmount(TierMode.RETROACTIVE, "12300", null);
        assertEquals(Money.of("246.00", "EUR"), r.earned());
        assertEquals(Tier.of("10000", "2"), r.reached());
    }

    @Test
    public void incrementalAppliesEachTiersRateToItsSlice() {
        // 10,000 at 1 % + 2,300 at 2 %
        assertEquals(Money.of("146.00", "EUR"), byAmount(TierMode.INCREMENTAL, "12300", null).earned());
        // 10,000 at 1 % + 40,000 at 2 % + 10,000 at 3 %
        assertEquals(Money.of("1200.00", "EUR"), byAmount(TierMode.INCREMENTAL, "60000", null).earned());
    }

    @Test
    public void aVolumeExactlyAtAThresholdReachesTheTier() {
        RebateCalculator.Result retro = byAmount(TierMode.RETROACTIVE, "10000", null);
        assertEquals(Tier.of("10000", "2"), retro.reached());
        assertEquals(Money.of("200.00", "EUR"), retro.earned());
        // incrementally the new tier has an empty slice at its threshold
        assertEquals(Money.of("100.00", "EUR"), byAmount(TierMode.INCREMENTAL, "10000", null).earned());
    }

    @Test
    public void justBelowAThresholdStaysInTheLowerTierAndRoundsHalfUpOnce() {
        RebateCalculator.Result r = byAmount(TierMode.RETROACTIVE, "9999.50", null);
        assertEquals(Tier.of("0", "1"), r.reached());
        // 1 % of 9,999.50 = 99.995, rounded half-up to cents
        assertEquals(Money.of("100.00", "EUR"), r.earned());
        assertEquals(0, new BigDecimal("0.50").compareTo(r.volumeToNext()));
    }

    @Test
    public void theCapLimitsTheEarnedRebate() {
        RebateCalculator.Result capped = byAmount(TierMode.RETROACTIVE, "12300", "150");
        assertEquals(Money.of("150.00", "EUR"), capped.earned());
        assertTrue(capped.capped());
        RebateCalculator.Result under = byAmount(TierMode.RETROACTIVE, "12300", "246");
        assertEquals(Money.of("246.00", "EUR"), under.earned());
        assertFalse(under.capped());
    }

    @Test
    public void quantityTiersEarnAShareOfTheAmount() {
        List<Tier> units = List.of(Tier.of("0", "0"), Tier.of("100", "2"), Tier.of("200", "5"));
        BigDecimal quantity = new BigDecimal("250");
        BigDecimal amount = new BigDecimal("25000");
        RebateCalculator.Result retro = RebateCalculator.calculate(new RebateCalculator.Terms(VolumeBasis.QUANTITY,
                TierMode.RETROACTIVE, units, EUR, null), quantity, amount);
        assertEquals(Money.of("1250.00", "EUR"), retro.earned());
        assertEquals(0, quantity.compareTo(retro.volume()));
        // units 100..200 (10,000 of the amount) at 2 % + units 200..250 (5,000) at 5 %
        RebateCalculator.Result incr = RebateCalculator.calculate(new RebateCalculator.Terms(VolumeBasis.QUANTITY,
                TierMode.INCREMENTAL, units, EUR, null), quantity, amount);
        assertEquals(Money.of("450.00", "EUR"), incr.earned());
    }

    @Test
    public void belowTheFirstThresholdNothingIsEarnedAndTheWatchlistShowsWhatIsMissing() {
        RebateCalculator.Result r = RebateCalculator.calculate(new RebateCalculator.Terms(VolumeBasis.AMOUNT,
                TierMode.RETROACTIVE, List.of(Tier.of("1000", "2")), EUR, null), BigDecimal.ZERO,
                new BigDecimal("500"));
        assertEquals(Money.of("0", "EUR"), r.earned());
        assertNull(r.reached());
        assertEquals(Tier.of("1000", "2"), r.next());
        assertEquals(0, new BigDecimal("500").compareTo(r.volumeToNext()));
        assertEquals(0.5, r.progress(), 1e-9);
    }

    @Test
    public void watchlistTowardsTheNextTierAndAtTheTop() {
        RebateCalculator.Result r = byAmount(TierMode.RETROACTIVE, "12300", null);
        assertEquals(Tier.of("50000", "3"), r.next());
        assertEquals(0, new BigDecimal("37700").compareTo(r.volumeToNext()));
        assertEquals(2300.0 / 40000.0, r.progress(), 1e-9);
        RebateCalculator.Result top = byAmount(TierMode.RETROACTIVE, "75000", null);
        assertNull(top.next());
        assertEquals(0, BigDecimal.ZERO.compareTo(top.volumeToNext()));
        assertEquals(1.0, top.progress(), 1e-9);
    }

    @Test
    public void moreCreditedThanBoughtEarnsNothing() {
        assertEquals(Money.of("0", "EUR"), byAmount(TierMode.RETROACTIVE, "-500", null).earned());
        assertEquals(Money.of("0", "EUR"), byAmount(TierMode.INCREMENTAL, "-500", null).earned());
    }

    @Test
    public void roundsToTheCurrencysMinorUnit() {
        Currency jpy = Currency.getInstance("JPY");
        RebateCalculator.Result r = RebateCalculator.calculate(new RebateCalculator.Terms(VolumeBasis.AMOUNT,
                TierMode.RETROACTIVE, List.of(Tier.of("0", "1.5")), jpy, null), BigDecimal.ZERO,
                new BigDecimal("12345"));
        // 185.175 yen
        assertEquals(Money.of("185", "JPY"), r.earned());
    }

    @Test
    public void tiersAreSortedByThreshold() {
        assertEquals(AMOUNT_TIERS, RebateCalculator.sorted(List.of(AMOUNT_TIERS.get(2), AMOUNT_TIERS.get(0),
                AMOUNT_TIERS.get(1))));
    }
}
