package org.partnerfinance.claims.rules.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

/**
 * Duplicate claim detection, in place of the claims core's built-in check and switchable per claim type: a claim fails
 * when an earlier live claim of the same partner (not rejected or withdrawn) of the same type has the same reference
 * (the type's configured reference field), or the same date, amount and description (the activity), or when any
 * earlier live claim carries a file with the same content. Every duplicate is named with what it shares.
 */
final class DuplicateRule implements ComplianceRule {

    static final String ID = "rules.duplicate";

    /** Claims that no longer count: their facts and files may be claimed again. */
    private static final Set<ClaimStatus> DEAD = Set.copyOf(EnumSet.of(ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN));

    /** The settings of a claim type, empty when the type has no configuration (then detection is on, by facts). */
    private final Function<String, Optional<RuleSettings>> settings;

    DuplicateRule(Function<String, Optional<RuleSettings>> settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ComplianceFinding check(ComplianceSubject subject) {
        ClaimDraft draft = subject.draft();
        Optional<RuleSettings> typeSettings = settings.apply(draft.typeId());
        if (typeSettings.isPresent() && !typeSettings.get().duplicatesEnabled()) {
            return finding(ComplianceOutcome.PASS, "Duplicate detection is switched off for claims of this type.");
        }
        String referenceField = typeSettings.map(RuleSettings::duplicatesReferenceField).orElse(null);
        String reference = referenceField == null ? "" : normalise(draft.fields().get(referenceField));
        Map<String, String> files = new LinkedHashMap<>();
        for (AttachmentUpload file : draft.attachments()) {
            if (file.content() != null && file.content().length > 0) {
                files.putIfAbsent(sha256Hex(file.content()), file.filename());
            }
        }
        List<String> duplicates = new ArrayList<>();
        for (Claim earlier : subject.earlierClaims()) {
            if (DEAD.contains(earlier.status()) || Objects.equals(subject.claimId(), earlier.id())
                    || !Objects.equals(earlier.partnerId(), draft.partnerId())) {
                continue;
            }
            List<String> shared = new ArrayList<>();
            boolean sameType = Objects.equals(earlier.typeId(), draft.typeId());
            if (sameType && !reference.isEmpty() && reference.equals(normalise(value(earlier, referenceField)))) {
                shared.add("same " + label(earlier, referenceField) + " " + draft.fields().get(referenceField).strip());
            }
            if (sameType && sameFacts(earlier, draft)) {
                shared.add("same date, amount and description");
            }
            for (Attachment file : earlier.attachments()) {
                String name = files.get(file.sha256());
                if (name != null) {
                    shared.add("same file " + name);
                }
            }
            if (!shared.isEmpty()) {
                duplicates.add(earlier.reference() + " (" + String.join(", ", shared) + ")");
            }
        }
        if (duplicates.isEmpty()) {
            return finding(ComplianceOutcome.PASS, referenceField == null
                    ? "No earlier claim with the same facts or files."
                    : "No earlier claim with the same reference, facts or files.");
        }
        return finding(ComplianceOutcome.FAIL, "This claim repeats " + String.join("; ", duplicates)
                + ". If it is a different claim, change what makes it look the same; otherwise keep the earlier one.");
    }

    private static boolean sameFacts(Claim earlier, ClaimDraft draft) {
        return Objects.equals(earlier.date(), draft.date())
                && Objects.equals(earlier.amount(), draft.amount())
                && normalise(earlier.description()).equals(normalise(draft.description()));
    }

    private static String value(Claim claim, String field) {
        return claim.fields().stream().filter(f -> f.name().equals(field)).map(ClaimField::value).findFirst()
                .orElse(null);
    }

    /** The field's label as stored with the claim, e.g. "invoice number". */
    private static String label(Claim claim, String field) {
        return claim.fields().stream().filter(f -> f.name().equals(field)).map(ClaimField::label)
                .filter(l -> l != null && !l.isBlank()).map(l -> l.toLowerCase(Locale.ROOT)).findFirst()
                .orElse(field);
    }

    /** Case and spacing do not make a text different. */
    static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The same digest the claims core stores for every attachment ({@code Attachment.sha256}). */
    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ComplianceFinding finding(ComplianceOutcome outcome, String message) {
        return new ComplianceFinding(ID, outcome, ComplianceCodes.DUPLICATE, message);
    }
}
