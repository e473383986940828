package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.Instant;

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

import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;

/** A dispute row; {@link Version} makes two managers deciding the same dispute at once produce one decision. */
@Entity
@Table(name = "doc_dispute")
public class DisputeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "document_number", nullable = false, length = 100)
    private String documentNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject", nullable = false, length = 10)
    private DisputeSubject subject;

    @Column(name = "line_no")
    private Integer lineNo;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "reason", nullable = false, length = 2000)
    private String reason;

    @Column(name = "attachment_name", length = 100)
    private String attachmentName;

    @Column(name = "attachment_type", length = 40)
    private String attachmentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private DisputeStatus status;

    @Column(name = "resolution", length = 2000)
    private String resolution;

    @Column(name = "credit_note_id")
    private Long creditNoteId;

    @Column(name = "opened_by", nullable = false, length = 100)
    private String openedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "opened_at", nullable = false, length = 24)
    private Instant openedAt;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "resolved_at", length = 24)
    private Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public DisputeEntity() {
    }

    DisputeEntity(String partnerId, long documentId, String documentNumber, DisputeSubject subject, Integer lineNo,
            BigDecimal amount, String currency, String reason, String attachmentName, String attachmentType,
            String openedBy, Instant openedAt) {
        this.partnerId = partnerId;
        this.documentId = documentId;
        this.documentNumber = documentNumber;
        this.subject = subject;
        this.lineNo = lineNo;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.attachmentName = attachmentName;
        this.attachmentType = attachmentType;
        this.status = DisputeStatus.OPEN;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void resolve(DisputeStatus outcome, String resolution, Long creditNoteId, String by, Instant at) {
        this.status = outcome;
        this.resolution = resolution;
        this.creditNoteId = creditNoteId;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public long getDocumentId() {
        return documentId;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public DisputeSubject getSubject() {
        return subject;
    }

    public Integer getLineNo() {
        return lineNo;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public String getResolution() {
        return resolution;
    }

    public Long getCreditNoteId() {
        return creditNoteId;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public long getVersion() {
        return version;
    }
}
