package org.partnerfinance.claims.rules.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

/**
 * Claim deadline: a claim is submitted at most {@code deadline.days} after its activity date (or the period end a
 * type's date field holds). Past the deadline it fails, unless finance granted an extension that has not ended, for the
 * saved claim or for a claim of its partner, type and activity date; within the warning days before the deadline it
 * warns.
 */
final class DeadlineRule implements ComplianceRule {

    static final String ID = "rules.deadline";

    private final RuleSettings settings;
    private final GrantedExtensions extensions;
    private final Clock clock;

    DeadlineRule(RuleSettings settings, GrantedExtensions extensions, Clock clock) {
        this.settings = settings;
        this.extensions = extensions;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The deadline of a claim of this type with these values; empty when its date is missing. */
    static Optional<Deadline> deadline(RuleSettings settings, LocalDate activityDate,
            java.util.Map<String, String> fields) {
        String field = settings.deadlineFromField();
        if (field != null) {
            String value = fields.get(field);
            if (value != null && !value.isBlank()) {
                try {
                    LocalDate periodEnd = LocalDate.parse(value.strip());
                    return Optional.of(new Deadline(periodEnd, "the period end", settings.deadlineDays()));
                } catch (DateTimeParseException e) {
                    // a malformed date is the type's validation to report; the activity date still gives a deadline
                }
            }
        }
        return Optional.ofNullable(activityDate).map(d -> new Deadline(d, "the activity date", settings.deadlineDays()));
    }

    /** A deadline: {@code days} after {@code from} ({@code fromName}, e.g. "the activity date"). */
    record Deadline(LocalDate from, String fromName, int days) {
        LocalDate last() {
            return from.plusDays(days);
        }

        String explain() {
            return days + " days after " + fromName + " (" + from + ")";
        }
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        ClaimDraft draft = subject.draft();
        Optional<Deadline> found = deadline(settings, draft.date(), draft.fields());
        if (found.isEmpty()) {
            return finding(ComplianceOutcome.WARN, "The claim has no date, so its deadline cannot be checked.");
        }
        Deadline deadline = found.get();
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(deadline.last())) {
            if (!today.isBefore(deadline.last().minusDays(settings.deadlineWarnDays()))) {
                return finding(ComplianceOutcome.WARN, "Submit by " + deadline.last() + ": claims of this type are due "
                        + deadline.explain() + ".");
            }
            return finding(ComplianceOutcome.PASS, "Within the deadline: due by " + deadline.last() + " ("
                    + deadline.explain() + ").");
        }
        Optional<LocalDate> granted = extensions.grantedUntil(subject.claimId(), draft.partnerId(), draft.typeId(),
                draft.date());
        if (granted.isPresent() && !today.isAfter(granted.get())) {
            return finding(ComplianceOutcome.PASS, "The deadline was " + deadline.last()
                    + "; finance granted an extension until " + granted.get() + ".");
        }
        String late = "The deadline for this claim was " + deadline.last() + " (" + deadline.explain() + ")";
        if (granted.isPresent()) {
            return finding(ComplianceOutcome.FAIL, late + " and the extension granted until " + granted.get()
                    + " has ended. Request another extension under Claims > Deadline extensions.");
        }
        return finding(ComplianceOutcome.FAIL, late + ". Request an extension under Claims > Deadline extensions.");
    }

    private static ComplianceFinding finding(ComplianceOutcome outcome, String message) {
        return new ComplianceFinding(ID, outcome, ComplianceCodes.DEADLINE, message);
    }
}
