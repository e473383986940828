package org.partnerfinance.claims.rules.internal;

import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

/** Required attachments: at least {@code attachments.min} non-empty files per claim of the type. */
final class AttachmentRule implements ComplianceRule {

    static final String ID = "rules.attachments";

    private final RuleSettings settings;

    AttachmentRule(RuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        long files = subject.draft().attachments().stream()
                .filter(a -> a.content() != null && a.content().length > 0)
                .count();
        int required = settings.attachmentsMin();
        if (files < required) {
            long missing = required - files;
            return new ComplianceFinding(ID, ComplianceOutcome.FAIL, ComplianceCodes.ATTACHMENTS,
                    "Claims of this type need at least " + files(required) + " (receipts, invoices or proofs); this "
                            + "one has " + files(files) + ". Attach " + missing + " more.");
        }
        return new ComplianceFinding(ID, ComplianceOutcome.PASS, ComplianceCodes.ATTACHMENTS,
                "The claim has the " + files(required) + " required.");
    }

    private static String files(long count) {
        return count == 1 ? "1 file" : count + " files";
    }
}
