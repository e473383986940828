package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;

/**
 * The rebate an agreement earns on a volume, free of OSGi and database. Amounts are computed exactly (decimal, 34
 * digits) and rounded once, at the end, half-up to the currency's minor unit; the cap applies to the rounded amount.
 * A volume exactly at a threshold reaches that tier. A volume of zero or less (more credited than bought) earns
 * nothing.
 */
public final class RebateCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;

    private RebateCalculator() {
    }

    /**
     * What an agreement earns.
     *
     * @param terms    the agreement's terms
     * @param quantity units counted
     * @param amount   purchase amount counted, in the agreement's currency
     */
    public static Result calculate(Terms terms, BigDecimal quantity, BigDecimal amount) {
        List<Tier> tiers = terms.tiers();
        BigDecimal volume = terms.basis() == VolumeBasis.QUANTITY ? quantity : amount;
        Tier reached = null;
        Tier next = null;
        for (Tier tier : tiers) {
            if (volume.compareTo(tier.threshold()) >= 0) {
                reached = tier;
            } else {
                next = tier;
                break;
            }
        }
        BigDecimal exact = BigDecimal.ZERO;
        if (volume.signum() > 0 && amount.signum() > 0 && reached != null) {
            exact = terms.mode() == TierMode.RETROACTIVE ? percent(amount, reached.ratePercent())
                    : incremental(tiers, volume, amount);
        }
        Money earned = Money.rounded(exact, terms.currency(), RoundingMode.HALF_UP);
        boolean capped = false;
        if (terms.cap() != null && earned.amount().compareTo(terms.cap()) > 0) {
            earned = Money.rounded(terms.cap(), terms.currency(), RoundingMode.HALF_UP);
            capped = true;
        }
        BigDecimal toNext = next == null ? BigDecimal.ZERO : next.threshold().subtract(volume.max(BigDecimal.ZERO));
        double progress = progress(reached, next, volume);
        return new Result(volume, earned, capped, reached, next, toNext, progress);
    }

    /** Each slice of the volume at the rate of its tier; with a quantity basis a slice earns its share of the amount. */
    private static BigDecimal incremental(List<Tier> tiers, BigDecimal volume, BigDecimal amount) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (volume.compareTo(tier.threshold()) <= 0) {
                break;
            }
            BigDecimal upper = i + 1 < tiers.size() ? tiers.get(i + 1).threshold().min(volume) : volume;
            BigDecimal slice = upper.subtract(tier.threshold());
            // the slice's share of the amount: the slice itself on an amount basis, pro rata on a quantity basis
            BigDecimal sliceAmount = slice.compareTo(volume) == 0 ? amount
                    : amount.multiply(slice, MC).divide(volume, MC);
            sum = sum.add(percent(sliceAmount, tier.ratePercent()), MC);
        }
        return sum;
    }

    private static BigDecimal percent(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate, MC).divide(HUNDRED, MC);
    }

    private static double progress(Tier reached, Tier next, BigDecimal volume) {
        if (next == null) {
            return 1.0;
        }
        BigDecimal from = reached == null ? BigDecimal.ZERO : reached.threshold();
        BigDecimal span = next.threshold().subtract(from);
        if (span.signum() <= 0) {
            return 0.0;
        }
        double share = volume.max(BigDecimal.ZERO).subtract(from).max(BigDecimal.ZERO).divide(span, MC).doubleValue();
        return Math.min(1.0, Math.max(0.0, share));
    }

    /** Tiers sorted by threshold, as the calculation expects them. */
    public static List<Tier> sorted(List<Tier> tiers) {
        return tiers.stream().sorted(Comparator.comparing(Tier::threshold)).toList();
    }

    /**
     * The terms the calculation needs.
     *
     * @param tiers sorted by threshold ({@link #sorted})
     * @param cap   the most the agreement earns, or {@code null}
     */
    public record Terms(VolumeBasis basis, TierMode mode, List<Tier> tiers, java.util.Currency currency,
            BigDecimal cap) {
        public Terms {
            tiers = List.copyOf(tiers);
        }
    }

    /**
     * The result.
     *
     * @param volume       the volume the tiers were compared with
     * @param earned       earned rebate, rounded, capped
     * @param capped       whether the cap cut it
     * @param reached      highest tier reached, or {@code null}
     * @param next         the next tier, or {@code null}
     * @param volumeToNext volume missing to the next tier (0 without one)
     * @param progress     0..1 from the reached tier's threshold to the next one
     */
    public record Result(BigDecimal volume, Money earned, boolean capped, Tier reached, Tier next,
            BigDecimal volumeToNext, double progress) {
    }
}
