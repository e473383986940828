package org.partnerfinance.claims.rules.internal;

import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;
import org.partnerfinance.ledger.api.Money;

/**
 * Caps per claim and per partner and period, per currency: the claimed amounts of the partner's claims of the type
 * under review, approved, scheduled or paid whose activity date lies in the period of this claim's date count. Amounts
 * in another currency never count against a cap (no conversion: each currency has its own cap or none).
 */
final class CapRule implements ComplianceRule {

    static final String ID = "rules.cap";

    /** Claims that use up the period's cap: on their way to payment or paid. */
    static final Set<ClaimStatus> COUNTED = Set.copyOf(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.RETURNED,
            ClaimStatus.APPROVED, ClaimStatus.SCHEDULED, ClaimStatus.PAID));

    private final RuleSettings settings;

    CapRule(RuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        ClaimDraft draft = subject.draft();
        Money amount = draft.amount();
        if (amount == null) {
            return finding(ComplianceOutcome.WARN, "The claim has no amount, so its caps cannot be checked.");
        }
        Currency currency = amount.currency();
        Money perClaim = settings.capPerClaim().get(currency);
        if (perClaim != null && amount.compareTo(perClaim) > 0) {
            return finding(ComplianceOutcome.FAIL, "This claim of " + amount.format() + " is above the cap of "
                    + perClaim.format() + " per claim; it would exceed it by " + amount.minus(perClaim).format()
                    + ".");
        }
        Money perPeriod = settings.capPerPeriod().get(currency);
        if (perPeriod != null && draft.date() != null) {
            Money used = usedInPeriod(subject, draft.date(), currency);
            String period = settings.period().describe(draft.date());
            Money after = used.plus(amount);
            if (after.compareTo(perPeriod) > 0) {
                return finding(ComplianceOutcome.FAIL, used.format() + " claimed " + period + " of "
                        + perPeriod.format() + "; this claim of " + amount.format() + " would exceed it by "
                        + after.minus(perPeriod).format() + ".");
            }
            return finding(ComplianceOutcome.PASS, "Within the caps: " + after.format() + " of " + perPeriod.format()
                    + " claimed " + period + " with this claim.");
        }
        if (perClaim != null) {
            return finding(ComplianceOutcome.PASS, "Within the cap of " + perClaim.format() + " per claim.");
        }
        return finding(ComplianceOutcome.PASS, "No cap applies to claims in " + currency.getCurrencyCode() + ".");
    }

    /** What the partner's other claims of this type in this currency already take of the period's cap. */
    private Money usedInPeriod(ComplianceSubject subject, LocalDate date, Currency currency) {
        LocalDate from = settings.period().start(date);
        LocalDate to = settings.period().end(date);
        Money used = Money.zero(currency);
        for (Claim earlier : subject.earlierClaims()) {
            if (Objects.equals(subject.claimId(), earlier.id())
                    || !Objects.equals(earlier.partnerId(), subject.draft().partnerId())
                    || !Objects.equals(earlier.typeId(), subject.draft().typeId())
                    || !COUNTED.contains(earlier.status()) || earlier.amount() == null
                    || !earlier.amount().currency().equals(currency) || earlier.date() == null
                    || earlier.date().isBefore(from) || earlier.date().isAfter(to)) {
                continue;
            }
            used = used.plus(earlier.amount());
        }
        return used;
    }

    private static ComplianceFinding finding(ComplianceOutcome outcome, String message) {
        return new ComplianceFinding(ID, outcome, ComplianceCodes.CAP, message);
    }
}
