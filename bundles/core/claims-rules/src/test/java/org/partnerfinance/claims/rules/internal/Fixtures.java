package org.partnerfinance.claims.rules.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * Claims, drafts and settings for the rule tests. The claims API records are built here only, so that a change of
 * their shape touches one place.
 */
final class Fixtures {

    static final String PARTNER = "P-1001";
    static final String TYPE = "expense";
    static final LocalDate TODAY = LocalDate.of(2026, 5, 15);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private Fixtures() {
    }

    static ClaimDraft draft(LocalDate date, String amount, String currency, String description,
            Map<String, String> fields, List<AttachmentUpload> files) {
        return new ClaimDraft(TYPE, PARTNER, date, description, Money.of(amount, currency), fields, files);
    }

    static ClaimDraft draft(LocalDate date, String amount, String currency) {
        return draft(date, amount, currency, "Taxi to the customer", Map.of(), List.of());
    }

    static AttachmentUpload file(String name, String content) {
        return new AttachmentUpload(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Claim claim(long id, String typeId, ClaimStatus status, LocalDate date, String amount, String currency,
            String description, List<ClaimField> fields, List<Attachment> attachments) {
        Money money = Money.of(amount, currency);
        return new Claim(id, String.format("CLM-%06d", id), PARTNER, typeId, "Expense reimbursement", true, status,
                date, description, money, money, fields, attachments, List.of(), null, null, null, null, "partner",
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, 0);
    }

    static Claim claim(long id, ClaimStatus status, LocalDate date, String amount, String currency) {
        return claim(id, TYPE, status, date, amount, currency, "Earlier claim " + id, List.of(), List.of());
    }

    static Claim forPartner(Claim claim, String partnerId) {
        return new Claim(claim.id(), claim.reference(), partnerId, claim.typeId(), claim.typeName(), true,
                claim.status(), claim.date(), claim.description(), claim.amount(), claim.eligibleAmount(),
                claim.fields(), claim.attachments(), List.of(), null, null, null, null, "partner", claim.createdAt(),
                null, null, null, 0);
    }

    /** Settings with everything off but what the test sets. */
    static RuleSettings settings(int deadlineDays, int warnDays, String fromField, String capPerClaim,
            String capPerPeriod, CapPeriod period, int attachmentsMin, boolean duplicates, String referenceField) {
        return new RuleSettings(TYPE, deadlineDays, warnDays, fromField,
                RuleSettings.amounts("cap.per.claim", capPerClaim),
                RuleSettings.amounts("cap.per.period", capPerPeriod), period, attachmentsMin, duplicates,
                referenceField);
    }
}
