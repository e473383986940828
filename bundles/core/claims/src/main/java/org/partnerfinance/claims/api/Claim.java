package org.partnerfinance.claims.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored claim as a snapshot. {@code typeName} and the field labels are stored with the claim, so it stays readable
 * when its type is not installed ({@code typeInstalled == false}).
 *
 * <p>The workflow part: {@code steps} is the approval chain of the current submission (empty for drafts, returned and
 * withdrawn claims); {@code approvedAmount} is what was approved and accrued (below the eligible amount after a
 * partial approval, whose reason is {@code partialReason}); {@code statusNote} is the reviewer's question of a return
 * for information, the partner's reason for a withdrawal or the reason a pre-approval was closed; {@code rejection} is the catalogue entry of a rejected
 * claim's code (also when the code was retired or renamed since); {@code accountingRule} is the rule its approval
 * accrued by, {@code null} before approval and for a pre-approval (whose approval accrues nothing: approved, it is
 * closed rather than settled, see {@link ClaimStatus#CLOSED}).
 */
public record Claim(long id, String reference, String partnerId, String typeId, String typeName, boolean typeInstalled,
        ClaimStatus status, LocalDate date, String description, Money amount, Money eligibleAmount,
        List<ClaimField> fields, List<Attachment> attachments, List<ComplianceFinding> findings,
        RejectionReason rejectionReason, String decisionComment, String decidedBy, String paymentReference,
        String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt, Instant paidAt, long version,
        List<ApprovalStep> steps, Money approvedAmount, String partialReason, String statusNote,
        RejectionCode rejection, AccountingRule accountingRule) {
    public Claim {
        fields = List.copyOf(fields);
        attachments = List.copyOf(attachments);
        findings = List.copyOf(findings);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A claim whose accounting rule is not known (as before approval). */
    public Claim(long id, String reference, String partnerId, String typeId, String typeName, boolean typeInstalled,
            ClaimStatus status, LocalDate date, String description, Money amount, Money eligibleAmount,
            List<ClaimField> fields, List<Attachment> attachments, List<ComplianceFinding> findings,
            RejectionReason rejectionReason, String decisionComment, String decidedBy, String paymentReference,
            String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt, Instant paidAt, long version,
            List<ApprovalStep> steps, Money approvedAmount, String partialReason, String statusNote,
            RejectionCode rejection) {
        this(id, reference, partnerId, typeId, typeName, typeInstalled, status, date, description, amount,
                eligibleAmount, fields, attachments, findings, rejectionReason, decisionComment, decidedBy,
                paymentReference, createdBy, createdAt, submittedAt, decidedAt, paidAt, version, steps, approvedAmount,
                partialReason, statusNote, rejection, null);
    }

    /**
     * Whether this is an approved pre-approval: approved without accrual, so it is closed
     * ({@link ClaimService#close}) rather than scheduled or paid.
     */
    public boolean isApprovedPreApproval() {
        return status == ClaimStatus.APPROVED && accountingRule == null;
    }

    /** A claim without workflow details (no chain, nothing approved yet). */
    public Claim(long id, String reference, String partnerId, String typeId, String typeName, boolean typeInstalled,
            ClaimStatus status, LocalDate date, String description, Money amount, Money eligibleAmount,
            List<ClaimField> fields, List<Attachment> attachments, List<ComplianceFinding> findings,
            RejectionReason rejectionReason, String decisionComment, String decidedBy, String paymentReference,
            String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt, Instant paidAt,
            long version) {
        this(id, reference, partnerId, typeId, typeName, typeInstalled, status, date, description, amount,
                eligibleAmount, fields, attachments, findings, rejectionReason, decisionComment, decidedBy,
                paymentReference, createdBy, createdAt, submittedAt, decidedAt, paidAt, version, List.of(), null, null,
                null, rejectionReason == null ? null
                        : new RejectionCode(rejectionReason.code(), rejectionReason.text(),
                                rejectionReason == RejectionReason.OTHER, false));
    }

    /** The step waiting for approval while the claim is submitted. */
    public Optional<ApprovalStep> currentStep() {
        if (status != ClaimStatus.SUBMITTED) {
            return Optional.empty();
        }
        return steps.stream().filter(s -> !s.approved()).findFirst();
    }

    /** When the current step is due, while the claim waits for approval. */
    public Optional<Instant> due() {
        return currentStep().map(ApprovalStep::due);
    }
}
