package org.partnerfinance.claimtype.rebate.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * What finance enters for a rebate agreement.
 *
 * @param partnerId    the partner the agreement is with
 * @param name         short name shown to the partner, e.g. {@code Networking 2026}
 * @param validFrom    first day of the period (inclusive)
 * @param validTo      last day of the period (inclusive)
 * @param productCodes product codes in scope; together with {@code categories} empty means all products
 * @param categories   product categories in scope
 * @param basis        what the thresholds count
 * @param mode         retroactive or incremental rates
 * @param tiers        the tiers, any order (stored by threshold)
 * @param currency     the currency of the amounts; only sales lines in this currency count
 * @param cap          the most the agreement can earn, or {@code null} for no cap
 */
public record AgreementDraft(String partnerId, String name, LocalDate validFrom, LocalDate validTo,
        Set<String> productCodes, Set<String> categories, VolumeBasis basis, TierMode mode, List<Tier> tiers,
        Currency currency, BigDecimal cap) {
    public AgreementDraft {
        productCodes = productCodes == null ? Set.of() : Set.copyOf(productCodes);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** Whether every product counts (no product code and no category given). */
    public boolean allProducts() {
        return productCodes.isEmpty() && categories.isEmpty();
    }
}
