package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.claimtype.rebate.api.RebateStanding;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Texts the rebate screens share; no Vaadin here, so the wording is unit-tested. */
final class RebateUi {

    private static final Logger LOG = LoggerFactory.getLogger(RebateUi.class);
    static final String UNEXPECTED = "Something went wrong. Please try again; if it persists, tell the finance team.";

    private RebateUi() {
    }

    /** A message safe to show: the services' own sentences; anything unexpected is logged and not shown. */
    static String messageOf(RuntimeException e) {
        if (e instanceof ConcurrentChangeException || e instanceof AccessDeniedException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            String message = e.getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        LOG.warn("Unexpected failure in a rebate screen", e);
        return UNEXPECTED;
    }

    /** The tier watchlist line, e.g. "EUR 12,300.00 more purchases reach tier 3 (4%)". */
    static String watchlist(RebateStanding s) {
        List<Tier> tiers = s.agreement().terms().tiers();
        if (s.nextTier() == null) {
            return s.currentTier() == null ? "No tiers." : "Top tier reached: tier " + number(tiers, s.currentTier())
                    + " (" + percent(s.currentTier()) + ").";
        }
        String missing = s.agreement().terms().basis() == VolumeBasis.AMOUNT
                ? Money.rounded(s.volumeToNext(), s.agreement().terms().currency(), java.math.RoundingMode.UP).format()
                        + " more purchases"
                : String.format(Locale.ROOT, "%,f", s.volumeToNext()).replaceAll("\\.?0+$", "") + " more units";
        return missing + " reach tier " + number(tiers, s.nextTier()) + " (" + percent(s.nextTier()) + ").";
    }

    static String percent(Tier tier) {
        return tier.ratePercent().stripTrailingZeros().toPlainString() + "%";
    }

    static int number(List<Tier> tiers, Tier tier) {
        return tiers.indexOf(tier) + 1;
    }

    /** Tiers as finance types them: one "threshold rate" pair per line, e.g. "10000 2.5". */
    static List<Tier> parseTiers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(line -> {
            String[] parts = line.replace("%", "").split("[\\s;:]+");
            if (parts.length != 2) {
                throw new org.partnerfinance.claimtype.rebate.api.RebateValidationException("tiers",
                        "Write each tier as threshold and rate on its own line, e.g. 10000 2.5: " + line);
            }
            try {
                return new Tier(new BigDecimal(parts[0]), new BigDecimal(parts[1]));
            } catch (NumberFormatException e) {
                throw new org.partnerfinance.claimtype.rebate.api.RebateValidationException("tiers",
                        "A tier is two numbers, threshold and rate, e.g. 10000 2.5: " + line);
            }
        }).toList();
    }

    static String formatTiers(List<Tier> tiers) {
        StringBuilder sb = new StringBuilder();
        for (Tier t : tiers) {
            sb.append(t.threshold().stripTrailingZeros().toPlainString()).append(' ')
                    .append(t.ratePercent().stripTrailingZeros().toPlainString()).append('\n');
        }
        return sb.toString().strip();
    }
}
