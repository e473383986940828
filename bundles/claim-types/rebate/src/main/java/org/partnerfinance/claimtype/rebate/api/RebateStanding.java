package org.partnerfinance.claimtype.rebate.api;

import java.math.BigDecimal;

import org.partnerfinance.ledger.api.Money;

/**
 * Where an agreement stands for its partner: earned, claimed, what can still be claimed, and the tier watchlist.
 *
 * @param agreement       the agreement
 * @param claimed         amount of the agreement's rebate claims that are not rejected or withdrawn
 * @param claimable       earned minus claimed, never below zero
 * @param currentTier     the highest tier reached, or {@code null} below the first threshold
 * @param nextTier        the next tier, or {@code null} at the top tier
 * @param volumeToNext    volume still missing to reach {@code nextTier} (0 when there is none)
 * @param progressToNext  0..1: how far the volume has come from the current tier's threshold (or zero) towards
 *                        the next one (1 at the top tier)
 */
public record RebateStanding(Agreement agreement, Money claimed, Money claimable, Tier currentTier, Tier nextTier,
        BigDecimal volumeToNext, double progressToNext) {
}
