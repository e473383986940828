package org.partnerfinance.claims.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.claims.api.ApprovalStep;

/**
 * One step of a claim's approval chain. The claim row itself is the aggregate that carries the optimistic lock: every
 * step approval also changes the claim, so two approvals of the same step cannot both commit.
 */
@Entity
@Table(name = "claim_step")
public class ClaimStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "role", nullable = false, length = 32)
    private String role;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "due_at", length = 24)
    private Instant dueAt;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "approved_at", length = 24)
    private Instant approvedAt;

    @Column(name = "comment", length = 1000)
    private String comment;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "reminded_at", length = 24)
    private Instant remindedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "escalated_at", length = 24)
    private Instant escalatedAt;

    public ClaimStepEntity() {
    }

    ClaimStepEntity(long claimId, int position, String role) {
        this.claimId = claimId;
        this.position = position;
        this.role = role;
    }

    void open(Instant due) {
        this.dueAt = due;
    }

    void approve(String by, Instant at, String note) {
        this.approvedBy = by;
        this.approvedAt = at;
        this.comment = note;
    }

    public Long getId() {
        return id;
    }

    public long getClaimId() {
        return claimId;
    }

    public int getPosition() {
        return position;
    }

    public String getRole() {
        return role;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public ApprovalStep toStep() {
        return new ApprovalStep(position, role, dueAt, approvedBy, approvedAt, comment);
    }
}
