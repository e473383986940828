package org.partnerfinance.claims.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;

/**
 * The built-in duplicate check, run for every claim type: a claim fails when an earlier claim of the same partner
 * that was not rejected has the same type, date, amount and description, or carries a file with the same content. A
 * compliance rule registered with {@link ComplianceRule#REPLACES} {@value ComplianceRule#BUILT_IN_DUPLICATE_RULE}
 * takes its place (pf-claims-rules does, switchable per claim type).
 */
final class DuplicateRule implements ComplianceRule {

    static final String ID = ComplianceRule.BUILT_IN_DUPLICATE_RULE;
    static final String CODE = "C-DUP";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        ClaimDraft draft = subject.draft();
        Set<String> fileHashes = draft.attachments().stream()
                .filter(a -> a.content() != null && a.content().length > 0)
                .map(a -> Attachments.sha256Hex(a.content()))
                .collect(Collectors.toSet());
        for (Claim earlier : subject.earlierClaims()) {
            if (earlier.status() == ClaimStatus.REJECTED || earlier.status() == ClaimStatus.WITHDRAWN
                    || Objects.equals(subject.claimId(), earlier.id())
                    || !Objects.equals(earlier.partnerId(), draft.partnerId())) {
                continue;
            }
            if (sameFacts(earlier, draft)) {
                return fail("This claim repeats " + earlier.reference()
                        + " (same type, date, amount and description).");
            }
            for (Attachment file : earlier.attachments()) {
                if (fileHashes.contains(file.sha256())) {
                    return fail("The file " + file.filename() + " was already submitted with " + earlier.reference()
                            + ".");
                }
            }
        }
        return new ComplianceFinding(ID, ComplianceOutcome.PASS, CODE,
                "No earlier claim with the same facts or files.");
    }

    private static boolean sameFacts(Claim earlier, ClaimDraft draft) {
        return Objects.equals(earlier.typeId(), draft.typeId())
                && Objects.equals(earlier.date(), draft.date())
                && Objects.equals(earlier.amount(), draft.amount())
                && normalise(earlier.description()).equals(normalise(draft.description()));
    }

    /** Case and spacing do not make a description different. */
    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static ComplianceFinding fail(String message) {
        return new ComplianceFinding(ID, ComplianceOutcome.FAIL, CODE, message);
    }
}
