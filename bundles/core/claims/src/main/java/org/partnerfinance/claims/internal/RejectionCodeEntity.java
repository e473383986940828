package org.partnerfinance.claims.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.claims.api.RejectionCode;

/** An entry of the rejection-reason catalogue; never deleted (old claims keep showing it), only retired. */
@Entity
@Table(name = "claim_rejection_code")
public class RejectionCodeEntity {

    @Id
    @Column(name = "code", length = 8)
    private String code;

    @Column(name = "reason_text", nullable = false, length = 200)
    private String text;

    @Column(name = "comment_required", nullable = false)
    private int commentRequired;

    @Column(name = "retired", nullable = false)
    private int retired;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public RejectionCodeEntity() {
    }

    RejectionCodeEntity(String code, String text, boolean commentRequired) {
        this.code = code;
        this.text = text;
        this.commentRequired = commentRequired ? 1 : 0;
    }

    void rename(String newText, boolean needsComment) {
        this.text = newText;
        this.commentRequired = needsComment ? 1 : 0;
    }

    void retire(boolean retire) {
        this.retired = retire ? 1 : 0;
    }

    public String getCode() {
        return code;
    }

    public RejectionCode toCode() {
        return new RejectionCode(code, text, commentRequired != 0, retired != 0);
    }
}
