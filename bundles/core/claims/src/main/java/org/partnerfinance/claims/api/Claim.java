package org.partnerfinance.claims.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * A stored claim as a snapshot. {@code typeName} and the field labels are stored with the claim, so it stays readable
 * when its type is not installed ({@code typeInstalled == false}).
 */
public record Claim(long id, String reference, String partnerId, String typeId, String typeName, boolean typeInstalled,
        ClaimStatus status, LocalDate date, String description, Money amount, Money eligibleAmount,
        List<ClaimField> fields, List<Attachment> attachments, List<ComplianceFinding> findings,
        RejectionReason rejectionReason, String decisionComment, String decidedBy, String paymentReference,
        String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt, Instant paidAt, long version) {
    public Claim {
        fields = List.copyOf(fields);
        attachments = List.copyOf(attachments);
        findings = List.copyOf(findings);
    }
}
