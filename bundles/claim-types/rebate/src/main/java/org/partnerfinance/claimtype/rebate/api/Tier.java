package org.partnerfinance.claimtype.rebate.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One volume tier: from {@code threshold} on (inclusive: a volume exactly at the threshold reaches the tier) the rate
 * {@code ratePercent} applies. The rebate is always a percentage of the purchase amount, whether the thresholds count
 * quantity or amount ({@link VolumeBasis}).
 *
 * @param threshold   volume at which the tier starts, &ge; 0
 * @param ratePercent rebate in percent of the amount, 0 to 100
 */
public record Tier(BigDecimal threshold, BigDecimal ratePercent) {
    public Tier {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(ratePercent, "ratePercent");
    }

    public static Tier of(String threshold, String ratePercent) {
        return new Tier(new BigDecimal(threshold), new BigDecimal(ratePercent));
    }
}
