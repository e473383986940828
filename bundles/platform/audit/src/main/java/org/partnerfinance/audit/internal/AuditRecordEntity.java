package org.partnerfinance.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;

/** A stored audit record. Written once by {@link AuditRows#insertRecord}; there are no setters. */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "recorded_at", nullable = false, length = 24)
    private String recordedAt;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "action", nullable = false, length = 100)
    private String action;

    @Column(name = "entity_type", nullable = false, length = 50)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 100)
    private String entityId;

    @Column(name = "before_state", nullable = false, length = 16000)
    private String before;

    @Column(name = "after_state", nullable = false, length = 16000)
    private String after;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    public AuditRecordEntity() {
    }

    public long getSeq() {
        return seq;
    }

    /**
     * The record as stored. Throws {@link java.time.format.DateTimeParseException} when the stored time is not a
     * valid instant.
     */
    public AuditRecord toRecord() {
        return new AuditRecord(seq, AuditChain.parseTime(recordedAt),
                new AuditEvent(actor, action, entityType, entityId, before, after), previousHash, hash);
    }
}
