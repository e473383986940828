package org.partnerfinance.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The bytes of a dispute's supporting file, apart from the dispute so that lists never load them. */
@Entity
@Table(name = "doc_dispute_file")
public class DisputeFileEntity {

    @Id
    @Column(name = "dispute_id")
    private long disputeId;

    @Lob
    @Column(name = "content", nullable = false)
    private byte[] content;

    public DisputeFileEntity() {
    }

    DisputeFileEntity(long disputeId, byte[] content) {
        this.disputeId = disputeId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
