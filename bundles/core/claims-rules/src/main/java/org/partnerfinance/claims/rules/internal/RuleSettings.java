package org.partnerfinance.claims.rules.internal;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partnerfinance.ledger.api.Money;

/**
 * The rule settings of one claim type, parsed once from its configuration.
 *
 * @param typeId                   the claim type
 * @param deadlineDays             days after the activity date (or period end) to submit; 0: no deadline
 * @param deadlineWarnDays         warn this many days before the deadline
 * @param deadlineFromField        date field holding the period end, or {@code null}
 * @param capPerClaim              highest amount of one claim per currency
 * @param capPerPeriod             highest total per partner and period per currency
 * @param period                   period of {@code capPerPeriod}
 * @param attachmentsMin           least number of files; 0: none required
 * @param duplicatesEnabled        whether duplicate detection runs
 * @param duplicatesReferenceField field holding the partner's own reference, or {@code null}
 */
record RuleSettings(String typeId, int deadlineDays, int deadlineWarnDays, String deadlineFromField,
        Map<Currency, Money> capPerClaim, Map<Currency, Money> capPerPeriod, CapPeriod period, int attachmentsMin,
        boolean duplicatesEnabled, String duplicatesReferenceField) {

    RuleSettings {
        if (typeId == null || typeId.isBlank()) {
            throw new IllegalArgumentException("claim.type is required (or name the configuration "
                    + ClaimTypeRules.PID + "~<claim type>).");
        }
        if (deadlineDays < 0 || deadlineWarnDays < 0 || attachmentsMin < 0) {
            throw new IllegalArgumentException("deadline.days, deadline.warn.days and attachments.min cannot be "
                    + "negative.");
        }
        capPerClaim = Map.copyOf(capPerClaim);
        capPerPeriod = Map.copyOf(capPerPeriod);
        deadlineFromField = blankToNull(deadlineFromField);
        duplicatesReferenceField = blankToNull(duplicatesReferenceField);
    }

    /**
     * Parses a configuration; the claim type comes from {@code claim.type} or else from the name of the factory
     * configuration ({@code <pid>~expense}).
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static RuleSettings of(ClaimTypeRulesConfiguration config, Object servicePid) {
        String typeId = config.claim_type().isBlank() ? nameOf(servicePid) : config.claim_type().strip();
        return new RuleSettings(typeId, config.deadline_days(), config.deadline_warn_days(),
                config.deadline_from_field(), amounts("cap.per.claim", config.cap_per_claim()),
                amounts("cap.per.period", config.cap_per_period()), config.period(), config.attachments_min(),
                config.duplicates_enabled(), config.duplicates_reference_field());
    }

    boolean hasDeadline() {
        return deadlineDays > 0;
    }

    boolean hasCaps() {
        return !capPerClaim.isEmpty() || !capPerPeriod.isEmpty();
    }

    boolean requiresAttachments() {
        return attachmentsMin > 0;
    }

    /** The part after {@code ~} of a named factory configuration's PID, or {@code null}. */
    private static String nameOf(Object servicePid) {
        if (servicePid == null) {
            return null;
        }
        String pid = servicePid.toString();
        int tilde = pid.lastIndexOf('~');
        return tilde < 0 ? null : pid.substring(tilde + 1).strip();
    }

    /** Parses {@code "EUR 1000.00, USD 1200"}: one positive amount per currency. */
    static Map<Currency, Money> amounts(String setting, String text) {
        Map<Currency, Money> amounts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return amounts;
        }
        for (String item : text.split(",")) {
            String[] parts = item.strip().split("\\s+");
            Money amount;
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected a currency and an amount");
                }
                amount = Money.of(parts[1], parts[0].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": \"" + item.strip() + "\" is not like \"EUR 1000.00\" ("
                        + e.getMessage() + ").", e);
            }
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException(setting + ": " + amount.format() + " must be more than zero.");
            }
            if (amounts.put(amount.currency(), amount) != null) {
                throw new IllegalArgumentException(setting + ": " + amount.currency() + " is given twice.");
            }
        }
        return amounts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
