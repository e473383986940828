package org.partnerfinance.documents.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The tax of one category and rate over a document; immutable, written by {@link DocumentRows}. */
@Entity
@Table(name = "doc_tax")
@IdClass(TaxEntity.Key.class)
public class TaxEntity {

    @Id
    @Column(name = "document_id")
    private long documentId;

    @Id
    @Column(name = "position_no")
    private int position;

    @Column(name = "tax_category", nullable = false, length = 3)
    private String category;

    @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
    private BigDecimal rate;

    @Column(name = "taxable", nullable = false, precision = 19, scale = 4)
    private BigDecimal taxable;

    @Column(name = "tax", nullable = false, precision = 19, scale = 4)
    private BigDecimal tax;

    public TaxEntity() {
    }

    public long getDocumentId() {
        return documentId;
    }

    public int getPosition() {
        return position;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public BigDecimal getTaxable() {
        return taxable;
    }

    public BigDecimal getTax() {
        return tax;
    }

    /** Composite key: document and position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long documentId;
        private int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.documentId == documentId && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, position);
        }
    }
}
