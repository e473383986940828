package org.partnerfinance.claims.rules.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.claims.rules.api.ExtensionStatus;

/** A deadline-extension request; {@link Version} makes two finance users deciding at once fail instead of overwrite. */
@Entity
@Table(name = "claim_extension")
public class ExtensionRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "claim_id")
    private Long claimId;

    @Column(name = "claim_reference", length = 20)
    private String claimReference;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "type_id", nullable = false, length = 64)
    private String typeId;

    @Column(name = "activity_date", nullable = false)
    private LocalDate activityDate;

    @Column(name = "deadline", nullable = false)
    private LocalDate deadline;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ExtensionStatus status;

    @Column(name = "granted_until")
    private LocalDate grantedUntil;

    @Column(name = "decision_note", length = 1000)
    private String decisionNote;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "requested_at", nullable = false, length = 24)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "decided_at", length = 24)
    private Instant decidedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ExtensionRequestEntity() {
        // for JPA
    }

    ExtensionRequestEntity(Long claimId, String claimReference, String partnerId, String typeId,
            LocalDate activityDate, LocalDate deadline, String reason, String requestedBy, Instant requestedAt) {
        this.claimId = claimId;
        this.claimReference = claimReference;
        this.partnerId = partnerId;
        this.typeId = typeId;
        this.activityDate = activityDate;
        this.deadline = deadline;
        this.reason = reason;
        this.status = ExtensionStatus.REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** Records finance's decision on a waiting request. */
    void decide(ExtensionStatus decision, LocalDate until, String note, String by, Instant at) {
        if (status != ExtensionStatus.REQUESTED) {
            throw new IllegalArgumentException("The extension for " + subject() + " was already "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        this.status = decision;
        this.grantedUntil = until;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    ExtensionRequest toRequest() {
        return new ExtensionRequest(id, claimId, claimReference, partnerId, typeId, activityDate, deadline, reason,
                status, grantedUntil, decisionNote, requestedBy, requestedAt, decidedBy, decidedAt, version);
    }

    /** What the request is for, as {@link ExtensionRequest#subject()} says it (also before the request is stored). */
    String subject() {
        return claimReference != null ? claimReference : "a new " + typeId + " claim dated " + activityDate;
    }

    Long getClaimId() {
        return claimId;
    }

    String getTypeId() {
        return typeId;
    }

    LocalDate getActivityDate() {
        return activityDate;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    String getPartnerId() {
        return partnerId;
    }

}
