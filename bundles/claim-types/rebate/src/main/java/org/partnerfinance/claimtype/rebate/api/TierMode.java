package org.partnerfinance.claimtype.rebate.api;

/** How the rates of an agreement's tiers apply to the volume. */
public enum TierMode {
    /** The whole volume earns the rate of the highest tier reached ("back to the first unit"). */
    RETROACTIVE,
    /** Each slice of the volume earns the rate of the tier it falls in, like income tax brackets. */
    INCREMENTAL
}
