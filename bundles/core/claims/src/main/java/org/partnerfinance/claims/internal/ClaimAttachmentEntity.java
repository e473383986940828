package org.partnerfinance.claims.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.partnerfinance.claims.api.Attachment;

/**
 * A file attached to a claim. Lists read only the metadata columns (see {@link ClaimStore}); the content is loaded
 * when the file itself is asked for.
 */
@Entity
@Table(name = "claim_attachment")
public class ClaimAttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "filename", nullable = false, length = 255)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Lob
    @Column(name = "content", nullable = false)
    private byte[] content;

    /** 1 once an edit removed the attachment: it stays for the versions that carried it. */
    @Column(name = "removed", nullable = false)
    private int removed;

    public ClaimAttachmentEntity() {
    }

    ClaimAttachmentEntity(long claimId, int position, ClaimValidator.PreparedAttachment file) {
        this.claimId = claimId;
        this.position = position;
        this.filename = file.filename();
        this.contentType = file.contentType();
        this.sizeBytes = file.content().length;
        this.sha256 = file.sha256();
        this.content = file.content();
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    /** Taken off the claim by an edit; kept for the versions that carried it. */
    void remove() {
        removed = 1;
    }

    public long getClaimId() {
        return claimId;
    }

    public Attachment toAttachment() {
        return new Attachment(id, filename, contentType, sizeBytes, sha256);
    }

    public byte[] getContent() {
        return content;
    }
}
