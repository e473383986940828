package org.partnerfinance.claims.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;

/** A compliance finding recorded when the claim was submitted, shown to the reviewer. */
@Entity
@Table(name = "claim_finding")
public class ClaimFindingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "rule_id", nullable = false, length = 100)
    private String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 8)
    private ComplianceOutcome outcome;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "message", nullable = false, length = 1000)
    private String message;

    public ClaimFindingEntity() {
    }

    ClaimFindingEntity(long claimId, int position, ComplianceFinding finding) {
        this.claimId = claimId;
        this.position = position;
        this.ruleId = finding.ruleId();
        this.outcome = finding.outcome();
        this.code = finding.code();
        this.message = finding.message();
    }

    public long getClaimId() {
        return claimId;
    }

    public ComplianceFinding toFinding() {
        return new ComplianceFinding(ruleId, outcome, code, message);
    }
}
