package org.partnerfinance.documents.internal;

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

import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.Reminder;

/** A recorded collections step; immutable. */
@Entity
@Table(name = "doc_reminder")
public class ReminderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "dunning", nullable = false, length = 16)
    private DunningLevel level;

    @Column(name = "note", nullable = false, length = 2000)
    private String note;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "recorded_at", nullable = false, length = 24)
    private Instant recordedAt;

    public ReminderEntity() {
    }

    ReminderEntity(long documentId, String partnerId, DunningLevel level, String note, String recordedBy,
            Instant recordedAt) {
        this.documentId = documentId;
        this.partnerId = partnerId;
        this.level = level;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public long getDocumentId() {
        return documentId;
    }

    Reminder toReminder() {
        return new Reminder(id, documentId, partnerId, level, note, recordedBy, recordedAt);
    }
}
