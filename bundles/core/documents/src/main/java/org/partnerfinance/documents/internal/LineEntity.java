package org.partnerfinance.documents.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A document line as stored; immutable, written by {@link DocumentRows}. */
@Entity
@Table(name = "doc_line")
@IdClass(LineEntity.Key.class)
public class LineEntity {

    @Id
    @Column(name = "document_id")
    private long documentId;

    @Id
    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "description", nullable = false, length = 500)
    private String description;

    @Column(name = "quantity", nullable = false, precision = 19, scale = 6)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitPrice;

    @Column(name = "tax_category", nullable = false, length = 3)
    private String taxCategory;

    @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
    private BigDecimal taxRate;

    @Column(name = "net", nullable = false, precision = 19, scale = 4)
    private BigDecimal net;

    /** The account the net amount was posted to when the line named one; {@code null}: the direction's default. */
    @Column(name = "account", length = 10)
    private String account;

    public LineEntity() {
    }

    public long getDocumentId() {
        return documentId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getTaxCategory() {
        return taxCategory;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public BigDecimal getNet() {
        return net;
    }

    public String getAccount() {
        return account;
    }

    /** Composite key: document and line number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long documentId;
        private int lineNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.documentId == documentId && k.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, lineNo);
        }
    }
}
