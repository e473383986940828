package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.RebateValidationException;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.ledger.api.Money;

/** Checks the terms of an agreement before anything is stored. */
final class AgreementRules {

    static final int MAX_TIERS = 20;
    static final int MAX_NAME = 200;
    /** Product codes and categories are stored comma-separated in one column of this width. */
    static final int MAX_SCOPE_TEXT = 2000;
    static final int MAX_CODE = 64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1E15");

    private AgreementRules() {
    }

    /** @throws RebateValidationException naming the field of the first problem */
    static void check(AgreementDraft d) {
        require(d.partnerId() != null && !d.partnerId().isBlank(), "partnerId", "Choose the partner.");
        require(d.name() != null && !d.name().isBlank(), "name", "Give the agreement a name.");
        require(d.name().length() <= MAX_NAME, "name", "The name has at most " + MAX_NAME + " characters.");
        require(d.validFrom() != null, "validFrom", "Enter the first day of the period.");
        require(d.validTo() != null, "validTo", "Enter the last day of the period.");
        require(!d.validTo().isBefore(d.validFrom()), "validTo", "The period ends before it starts.");
        require(d.basis() != null, "basis", "Choose whether the tiers count quantity or amount.");
        require(d.mode() != null, "mode", "Choose retroactive or incremental rates.");
        require(d.currency() != null, "currency", "Choose the currency.");
        checkScope(d.productCodes(), "productCodes", "product code");
        checkScope(d.categories(), "categories", "category");
        checkTiers(d.tiers());
        if (d.cap() != null) {
            require(d.cap().signum() > 0, "cap", "The cap must be more than zero (leave it empty for no cap).");
            try {
                new Money(d.cap(), d.currency());
            } catch (IllegalArgumentException e) {
                throw new RebateValidationException("cap", "Cap: " + e.getMessage());
            }
        }
    }

    private static void checkScope(Set<String> values, String field, String what) {
        for (String v : values) {
            require(v != null && !v.isBlank() && v.equals(v.strip()), field, "A " + what + " cannot be empty or start or end with a space.");
            require(v.length() <= MAX_CODE, field, "A " + what + " has at most " + MAX_CODE + " characters.");
            require(!v.contains(","), field, "A " + what + " cannot contain a comma: " + v);
        }
        require(String.join(",", values).length() <= MAX_SCOPE_TEXT, field, "Too many " + what + "s for one agreement.");
    }

    private static void checkTiers(List<Tier> tiers) {
        require(!tiers.isEmpty(), "tiers", "Enter at least one tier.");
        require(tiers.size() <= MAX_TIERS, "tiers", "An agreement has at most " + MAX_TIERS + " tiers.");
        Set<BigDecimal> thresholds = new HashSet<>();
        for (Tier t : tiers) {
            require(t.threshold().signum() >= 0 && t.threshold().compareTo(MAX_THRESHOLD) < 0, "tiers",
                    "A tier threshold is zero or more and less than one quadrillion: " + t.threshold().toPlainString());
            require(t.threshold().stripTrailingZeros().scale() <= 4, "tiers",
                    "A tier threshold has at most 4 decimals: " + t.threshold().toPlainString());
            require(t.ratePercent().signum() >= 0 && t.ratePercent().compareTo(HUNDRED) <= 0, "tiers",
                    "A tier rate is between 0 and 100 percent: " + t.ratePercent().toPlainString());
            require(t.ratePercent().stripTrailingZeros().scale() <= 4, "tiers",
                    "A tier rate has at most 4 decimals: " + t.ratePercent().toPlainString());
            require(thresholds.add(t.threshold().stripTrailingZeros()), "tiers",
                    "Two tiers start at the same volume " + t.threshold().toPlainString() + ".");
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new RebateValidationException(field, message);
        }
    }
}
